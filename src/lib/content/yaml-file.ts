/**
 * Checks shared by every file in content/: its size, text in Unicode NFC and
 * not in a legacy Vietnamese encoding, and settings files (YAML) against their schema,
 * each problem with file, line and column, in Vietnamese and English.
 */
import type { z } from 'zod';
import { encodingLabel, findLegacyEncoding } from '../vietnamese/legacy-encoding.ts';
import { findNonNfc, spellOut } from '../vietnamese/text.ts';
import { parseYamlWithPositions, type ParsedYaml } from './frontmatter.ts';
import type { ContentIssue } from './issues.ts';
import { fileTooLargeMessage, MAX_CONTENT_FILE_BYTES } from './limits.ts';
import { describeIssues, fieldPath } from './zod-messages.ts';

/** Decomposed text; the message names it by its NFC form and its code points, so the message itself stays NFC. */
export function nfcIssues(file: string, source: string): ContentIssue[] {
  return findNonNfc(source).map((p) => ({
    file,
    line: p.line,
    column: p.column,
    field: undefined,
    vi:
      `Chữ “${p.expected}” ở đây viết bằng dấu tổ hợp (${spellOut(p.found)}), không ở dạng Unicode dựng sẵn (NFC) theo TCVN 6909:2001. ` +
      'Gõ lại bằng bộ gõ Unicode dựng sẵn hoặc chạy npm run check:content -- --fix.',
    en:
      `The text “${p.expected}” here is written with combining marks (${spellOut(p.found)}): it is not in Unicode NFC (precomposed), as TCVN 6909:2001 requires. ` +
      'Retype it with a precomposed-Unicode keyboard or run npm run check:content -- --fix.',
  }));
}

/** Text typed in TCVN3 or VNI and read as Unicode: the first mangled word of each line (frontmatter and body). */
export function legacyEncodingIssues(file: string, source: string): ContentIssue[] {
  return findLegacyEncoding(source).map((p) => {
    const name = encodingLabel[p.encoding];
    return {
      file,
      line: p.line,
      column: p.column,
      field: undefined,
      vi:
        `Chữ “${p.word}” có vẻ là văn bản gõ bằng bảng mã cũ ${name} bị đọc nhầm (có lẽ là “${p.decoded}”). ` +
        `Chuyển mã đoạn văn này sang Unicode bằng UniKey: mở “Công cụ chuyển mã” (UniKey Toolkit), chọn nguồn ${name}, đích Unicode, ` +
        'bấm “Chuyển mã”, rồi dán lại. Lệnh npm run check:content -- --fix không sửa được lỗi này.',
      en:
        `The word “${p.word}” looks like text typed in the old ${name} encoding and read wrongly (probably “${p.decoded}”). ` +
        `Convert the passage to Unicode with UniKey: open “Công cụ chuyển mã” (UniKey Toolkit), choose source ${name} and destination Unicode, ` +
        'convert, then paste it again. npm run check:content -- --fix cannot repair this.',
    };
  });
}

/** Validates `data` with `schema`; returns the parsed value or issues with lines. */
export function checkData<T extends z.ZodType>(
  schema: T,
  data: unknown,
  file: string,
  locate: ParsedYaml['locate'],
): { value?: z.infer<T>; issues: ContentIssue[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data, issues: [] };
  return {
    issues: describeIssues(schema, result.error.issues).map((m) => ({
      file,
      ...locate(m.path),
      field: fieldPath(m.path) || undefined,
      vi: m.vi,
      en: m.en,
      ...(m.missing ? { missing: m.missing } : {}),
    })),
  };
}

/** A content file larger than MAX_CONTENT_FILE_BYTES: refused before it is parsed. */
export function fileSizeIssue(file: string, bytes: number): ContentIssue | undefined {
  if (bytes <= MAX_CONTENT_FILE_BYTES) return undefined;
  return { file, line: 1, column: 1, field: undefined, ...fileTooLargeMessage(bytes) };
}

/**
 * A whole YAML settings file: size, encoding, syntax, then the schema. The
 * value only when the schema accepts it; `locate` finds a field's line.
 */
export function validateYamlFile<T extends z.ZodType>(
  file: string,
  source: string,
  schema: T,
): { value?: z.infer<T>; issues: ContentIssue[]; locate: ParsedYaml['locate'] } {
  const tooLarge = fileSizeIssue(file, Buffer.byteLength(source));
  if (tooLarge) return { issues: [tooLarge], locate: () => ({ line: 1, column: 1 }) };
  const issues: ContentIssue[] = [...nfcIssues(file, source), ...legacyEncodingIssues(file, source)];
  const parsed = parseYamlWithPositions(file, source);
  issues.push(...parsed.issues);
  if (!parsed.data) return { issues, locate: parsed.locate };
  const checked = checkData(schema, parsed.data, file, parsed.locate);
  issues.push(...checked.issues);
  return { value: checked.value, issues, locate: parsed.locate };
}
