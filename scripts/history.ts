/**
 * npm run history -- log|show|diff|snapshot|drafts|verify …   (docs/history.md)
 *
 * For archivists: every revision of a page, its source as it stood on a date,
 * what changed between two dates, the whole site rebuilt as it stood then,
 * the kept drafts of a page (published, rejected, discarded) and their text,
 * and a downloaded archive checked against its manifest (docs/archive.md).
 */
import { runHistoryCli } from './lib/history-cli.ts';

process.exitCode = await runHistoryCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
