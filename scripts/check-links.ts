/**
 * npm run check:links [-- --site dist]
 *
 * Checks that every internal link and asset reference of the built site
 * (href/src on every page) leads to a file the site has; external addresses
 * are not fetched (builds run without network access). Exits 1 on a broken one.
 * The archived copies (`/luu-tru/…`, `/en/archive/…`) are not checked: they
 * link the site as it was when they were served, and a page gone since is the
 * record, not a broken link (their own banner's links are the memento step's,
 * tests/e2e/mementos.test.ts follows them).
 */
import { glob, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isArchiveFile } from '../src/lib/history/mementos.ts';
import { brokenLinks } from '../src/lib/publishing/site-links.ts';

const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' } } });
const site = path.resolve(values.site!);
const files: string[] = [];
for await (const f of glob('**/*', { cwd: site, withFileTypes: false })) files.push(f.split(path.sep).join('/'));
const htmlFiles = files.filter((f) => f.endsWith('.html') && !isArchiveFile(f));
const pages = await Promise.all(htmlFiles.map(async (file) => ({ file, html: await readFile(path.join(site, file), 'utf8') })));
const broken = brokenLinks(pages, new Set(files));
for (const b of broken) console.log(`  ${b.target}  ← ${b.page}`);
console.log(`check:links: ${htmlFiles.length} trang, ${broken.length} liên kết hỏng / ${htmlFiles.length} pages, ${broken.length} broken internal link(s)`);
process.exit(broken.length > 0 ? 1 : 0);
