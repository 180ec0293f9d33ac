/**
 * npm run history -- log|show|diff|snapshot …   (docs/history.md)
 *
 * For archivists: every revision of a page, its source as it stood on a date,
 * what changed between two dates, and the whole site rebuilt as it stood then.
 */
import { runHistoryCli } from './lib/history-cli.ts';

process.exitCode = await runHistoryCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
