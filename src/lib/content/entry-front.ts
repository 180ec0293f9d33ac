/**
 * The checks of an entry file that need no MDX parser: its encoding, its
 * frontmatter against the collection's schema (cross-field rules included) and
 * the addresses in it. One definition for the build and the CMS:
 * `validateEntryFile` (validate.ts) runs them before rendering the text, and
 * the CMS page runs them in the editor's browser before a save
 * (src/lib/cms/cms-entry-check.ts). Nothing here may need Node.
 */
import type { z } from 'zod';
import type { Locale } from '../locales.ts';
import { registers } from '../lifecycle/states.ts';
import { isBlank, withoutEmptyFields } from '../schema/empty-values.ts';
import { valuesWithMeta } from '../schema/introspect.ts';
import { parseEntryFile, type ParsedEntryFile, type ParsedYaml } from './frontmatter.ts';
import type { ContentIssue } from './issues.ts';
import { inField } from './text-characters.ts';
import { urlRefusal, type UrlPolicy } from './urls.ts';
import { checkData, legacyEncodingIssues, nfcIssues } from './yaml-file.ts';
import { fieldPath } from './zod-messages.ts';

/**
 * Every address in `data` held by a field the schema marks as one (`address`
 * metadata: web addresses, portal paths, uploaded files) that the allowlist
 * refuses, with the field's line.
 */
export function addressIssues(schema: z.ZodType, data: unknown, urls: UrlPolicy, file: string, locate: ParsedYaml['locate']): ContentIssue[] {
  return valuesWithMeta(schema, data, (m) => m.address !== undefined).flatMap((t) => {
    const field = fieldPath(t.path);
    const refusal = urlRefusal(String(t.value), t.meta.address!, urls, inField(field));
    return refusal ? [{ file, ...locate(t.path), field, ...refusal }] : [];
  });
}

/**
 * True for a translation file holding no translated value anywhere (no title,
 * no summary, no image description, …) and no text: Decap CMS writes one for
 * every new entry (it copies the fields that are the same in every language,
 * an image's file among them), before anyone has translated it.
 */
export function isUntranslated(schema: z.ZodType, data: Record<string, unknown>, body: string): boolean {
  return body.trim() === '' && valuesWithMeta(schema, data, (m) => m.translate === true).every((t) => isBlank(t.value));
}

/**
 * A register's entry once complete is published, and its text is what readers
 * get: an answered question needs its answer (the text under the frontmatter).
 * Before it is complete (received, not yet answered) it may have none.
 */
export function completedWithoutText(file: string, data: Record<string, unknown>, body: string, locate: ParsedYaml['locate']): ContentIssue[] {
  const collection = /^content\/([^/]+)\//.exec(file)?.[1] ?? '';
  const completing = registers[collection];
  if (completing === undefined || data[completing] === undefined || body.trim() !== '') return [];
  return [
    {
      file,
      ...locate([completing]),
      field: completing,
      vi: `Câu hỏi đã có thời điểm trả lời (${completing}) nhưng chưa có câu trả lời: viết câu trả lời ở phần Nội dung (dưới phần thông tin), hoặc xoá thời điểm trả lời nếu câu hỏi chưa được trả lời.`,
      en: `The question has an answer time (${completing}) but no answer: write the answer as the Text (below the fields), or clear the answer time if it has not been answered yet.`,
    },
  ];
}

const untranslatedMessage = {
  vi: 'Bản tiếng Anh chưa được dịch (chưa có tiêu đề, tóm tắt hay nội dung nào bằng tiếng Anh) nên chưa được đăng; trang tiếng Anh sẽ báo chưa có bản dịch. Hãy dịch trong trình biên tập, hoặc xoá tệp này.',
  en: 'The English version has not been translated yet (no title, summary or text in English), so it is not published; the English site says there is no translation. Translate it in the CMS, or delete this file.',
};

export interface CheckedEntryFront {
  /** The parsed file, when its frontmatter could be read. */
  parsed?: ParsedEntryFile;
  /** The frontmatter as the schema returns it, when it passed. */
  value?: Record<string, unknown>;
  /** A translation nobody has written yet: it is skipped, with a warning. */
  untranslated: boolean;
  issues: ContentIssue[];
}

/** Checks everything of `source` (the text of `file`, in `locale`) but its MDX text. */
export function checkEntryFront(file: string, source: string, schema: z.ZodType, locale: Locale, urls: UrlPolicy): CheckedEntryFront {
  const issues: ContentIssue[] = [...nfcIssues(file, source), ...legacyEncodingIssues(file, source)];
  const parsed = parseEntryFile(file, source);
  issues.push(...parsed.issues);
  if (!parsed.data) return { untranslated: false, issues };
  // Fields the editor left empty are absent (Decap writes them as null or ''): src/lib/schema/empty-values.ts.
  const data = withoutEmptyFields(schema, parsed.data) as Record<string, unknown>;
  if (locale !== 'vi' && isUntranslated(schema, data, parsed.body)) {
    issues.push({ file, line: 1, column: 1, field: undefined, severity: 'warning', ...untranslatedMessage });
    return { parsed, untranslated: true, issues };
  }
  const checked = checkData(schema, data, file, parsed.locate);
  issues.push(...checked.issues);
  if (checked.value !== undefined) issues.push(...addressIssues(schema, checked.value, urls, file, parsed.locate));
  issues.push(...completedWithoutText(file, data, parsed.body, parsed.locate));
  return { parsed, value: checked.value as Record<string, unknown> | undefined, untranslated: false, issues };
}
