/**
 * npm run check:content [-- --fix]
 *
 * Checks every file in content/ the way the build does, without building:
 * frontmatter against the schemas, MDX bodies, Unicode NFC, references.
 * Prints each problem with file:line:column, in Vietnamese and English, and
 * exits 1 when there is an error. `--fix` rewrites files into Unicode NFC
 * (the one change that is always safe) before checking.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssues, isError } from '../src/lib/content/issues.ts';
import { validateContent } from '../src/lib/content/validate.ts';
import { contentRoot, readContentFiles } from '../src/content/read-content.ts';

const { values } = parseArgs({ options: { fix: { type: 'boolean', default: false } } });
const projectRoot = process.cwd();

if (values.fix) {
  let fixed = 0;
  for (const f of await readContentFiles(projectRoot)) {
    const nfc = f.source.normalize('NFC');
    if (nfc !== f.source) {
      const abs = path.join(contentRoot(projectRoot), f.file.replace(/^content\//, ''));
      if ((await readFile(abs, 'utf8')) === f.source) await writeFile(abs, nfc);
      console.log(`NFC: ${f.file}`);
      fixed++;
    }
  }
  console.log(`Đã chuẩn hoá ${fixed} tệp sang Unicode NFC / Normalised ${fixed} file(s) to Unicode NFC.`);
}

const files = await readContentFiles(projectRoot);
const { entries, issues } = validateContent(files);
if (issues.length > 0) console.log(formatIssues(issues));
const errors = issues.filter(isError).length;
console.log(
  `\n${files.length} tệp, ${entries.length} mục hợp lệ, ${errors} lỗi / ${files.length} files, ${entries.length} valid entries, ${errors} error(s).`,
);
process.exit(errors > 0 ? 1 : 0);
