/**
 * npm run memento-store -- checkout --store <dir> [--branch luu-tru]
 * npm run memento-store -- commit --store <dir> [--branch luu-tru] [--at <ISO time>]
 *
 * Carries the memento store from deploy to deploy on an append-only branch
 * of this repository (scripts/lib/mementos/branch.ts; docs/history.md,
 * “Where the store lives”): `checkout` writes the branch's store into the
 * folder before the build (`PORTAL_MEMENTOS=<dir> npm run build`); `commit`
 * puts what the build kept on top of the branch once the site is deployed
 * (push it with `git push origin refs/heads/luu-tru`, never forced). Both
 * refuse, in Vietnamese and English and changing nothing, files that are not
 * the store's; `commit` refuses a store that lost anything the branch keeps.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MEMENTO_BRANCH } from '../src/lib/history/mementos.ts';
import { checkoutStore, commitStore, StoreBranchError } from './lib/mementos/branch.ts';

function fail(vi: string, en: string, code = 1): never {
  console.error(`memento-store: ${vi}\n              ${en}`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { store: { type: 'string' }, branch: { type: 'string', default: MEMENTO_BRANCH }, at: { type: 'string' } },
  });
} catch (error) {
  const why = (error as Error).message;
  fail(`tham số không hợp lệ: ${why}`, `invalid arguments: ${why}`, 2);
}
const { values, positionals } = parsed;

const command = positionals[0];
if ((command !== 'checkout' && command !== 'commit') || positionals.length > 1 || !values.store) {
  fail(
    'dùng: npm run memento-store -- checkout|commit --store <thư mục> [--branch luu-tru] [--at <thời điểm ISO>]',
    'usage: npm run memento-store -- checkout|commit --store <folder> [--branch luu-tru] [--at <ISO time>]',
    2,
  );
}
const at = values.at === undefined ? new Date() : new Date(values.at);
if (Number.isNaN(at.getTime())) fail(`--at “${values.at}” không phải thời điểm ISO 8601.`, `--at “${values.at}” is not an ISO 8601 time.`, 2);
const branch = values.branch!;

try {
  if (command === 'checkout') {
    mkdirSync(values.store, { recursive: true });
    const files = checkoutStore(process.cwd(), branch, values.store);
    console.log(
      files === 0
        ? `memento-store: chưa có nhánh ${branch}, kho bắt đầu trống / no ${branch} branch yet, the store starts empty`
        : `memento-store: ${files} tệp của kho từ nhánh ${branch} / store file(s) from the ${branch} branch → ${values.store}`,
    );
  } else {
    const commit = await commitStore(process.cwd(), branch, values.store, `Kho bản lưu / Memento store, ${at.toISOString()}`, at);
    console.log(
      commit
        ? `memento-store: ${branch} → ${commit.slice(0, 12)} (đẩy lên bằng / push with: git push origin refs/heads/${branch})`
        : `memento-store: không có bản mới, ${branch} giữ nguyên / nothing new, ${branch} unchanged`,
    );
  }
} catch (error) {
  if (error instanceof StoreBranchError) fail(error.vi, error.en);
  const message = error instanceof Error ? error.message : String(error);
  fail(`không làm được: ${message}`, `could not do it: ${message}`);
}
