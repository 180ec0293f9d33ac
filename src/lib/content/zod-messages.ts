/**
 * Turns zod issues into messages an editor can act on, in Vietnamese and
 * English: which field (by its label), what was expected, what was found.
 */
import type { GlobalMeta, z } from 'zod';
import type { Bilingual } from '../schema/fields.ts';

type Meta = GlobalMeta;

/**
 * The schema inside every wrapper (optional, default, nullable, pipe…), with the metadata collected on
 * the way: what an issue's path names. (The CMS configuration's `unwrap`, src/lib/schema/introspect.ts,
 * strips optional and default only, and keeps a pipe or a nullable schema as it is.)
 */
function innermost(schema: z.ZodType): { schema: z.ZodType; meta: Meta } {
  let current: z.ZodType = schema;
  let meta: Meta = { ...(current.meta() ?? {}) };
  for (let i = 0; i < 10; i++) {
    const def = (current as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    const inner = (def.innerType ?? (def.type === 'pipe' ? def.in : undefined)) as z.ZodType | undefined;
    if (!inner) break;
    current = inner;
    meta = { ...(current.meta() ?? {}), ...meta };
  }
  return { schema: current, meta };
}

/** The schema and metadata of the field at `path` inside `root`. */
export function fieldAt(root: z.ZodType, path: readonly PropertyKey[]): { schema: z.ZodType; meta: Meta } | undefined {
  let here = innermost(root);
  for (const segment of path) {
    const def = (here.schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'object' && typeof segment === 'string') {
      const shape = def.shape as Record<string, z.ZodType>;
      const child = shape[segment];
      if (!child) return undefined;
      here = innermost(child);
    } else if (def.type === 'array') {
      here = innermost(def.element as z.ZodType);
    } else {
      return undefined;
    }
  }
  return here;
}

/** All field names an object schema accepts at `path` (for "did you mean"). */
function knownKeys(root: z.ZodType, path: readonly PropertyKey[]): string[] {
  const field = fieldAt(root, path);
  if (!field) return [];
  const def = (field.schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

function describeValue(value: unknown, lang: 'vi' | 'en'): string {
  if (value === undefined) return lang === 'vi' ? 'không có gì' : 'nothing';
  if (value === null) return lang === 'vi' ? 'giá trị rỗng (null)' : 'an empty value (null)';
  if (typeof value === 'string') return value.length > 60 ? `“${value.slice(0, 57)}…”` : `“${value}”`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return lang === 'vi' ? `một danh sách ${value.length} mục` : `a list of ${value.length} items`;
  return lang === 'vi' ? 'một nhóm trường' : 'a group of fields';
}

const typeNames: Record<string, Bilingual> = {
  string: { vi: 'một đoạn chữ', en: 'text' },
  number: { vi: 'một số', en: 'a number' },
  int: { vi: 'một số nguyên', en: 'a whole number' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  array: { vi: 'một danh sách (mỗi mục một dòng bắt đầu bằng “- ”)', en: 'a list (one item per line starting with “- ”)' },
  object: { vi: 'một nhóm trường con', en: 'a group of sub-fields' },
};

/** Levenshtein distance, for suggesting the field an editor probably meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export interface FieldMessage extends Bilingual {
  /** Path of the field the message is about. */
  path: PropertyKey[];
  /** The field is required and absent (a form shows it as an empty field). */
  missing?: true;
}

/** A required field that is absent: zod reports a missing choice (enum) as an invalid value, any other as a wrong type. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  const input = (issue as { input?: unknown }).input;
  return input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
}

/** Bilingual messages for every issue of a failed parse. */
export function describeIssues(root: z.ZodType, issues: z.core.$ZodIssue[]): FieldMessage[] {
  const out: FieldMessage[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(root, issue.path);
      for (const key of issue.keys) {
        const near = known
          .map((k) => ({ k, d: distance(k, key) }))
          .filter((x) => x.d <= 2)
          .sort((a, b) => a.d - b.d)[0];
        const hintVi = near ? ` Có phải bạn định viết “${near.k}”?` : ` Các trường hợp lệ: ${known.join(', ')}.`;
        const hintEn = near ? ` Did you mean “${near.k}”?` : ` Valid fields: ${known.join(', ')}.`;
        out.push({
          path: [...issue.path, key],
          vi: `Trường “${key}” không có trong mẫu nội dung này.${hintVi}`,
          en: `There is no field “${key}” in this kind of entry.${hintEn}`,
        });
      }
      continue;
    }
    out.push({ path: [...issue.path], ...describeOne(root, issue), ...(isMissing(issue) ? { missing: true as const } : {}) });
  }
  return out;
}

function labelOf(root: z.ZodType, path: readonly PropertyKey[]): Bilingual {
  const meta = fieldAt(root, path)?.meta;
  const name = fieldPath(path) || '(frontmatter)';
  if (!meta?.label) return { vi: `“${name}”`, en: `“${name}”` };
  return { vi: `“${name}” (${meta.label.vi})`, en: `“${name}” (${meta.label.en})` };
}

function describeOne(root: z.ZodType, issue: z.core.$ZodIssue): Bilingual {
  const label = labelOf(root, issue.path);
  const input = (issue as { input?: unknown }).input;
  const hint = fieldAt(root, issue.path)?.meta.hint;
  const withHint = (m: Bilingual): Bilingual =>
    hint ? { vi: `${m.vi} Gợi ý: ${hint.vi}`, en: `${m.en} Hint: ${hint.en}` } : m;
  if (isMissing(issue)) {
    return withHint({
      vi: `Thiếu trường bắt buộc ${label.vi}. Hãy thêm dòng “${String(issue.path.at(-1))}: …”.`,
      en: `The required field ${label.en} is missing. Add a line “${String(issue.path.at(-1))}: …”.`,
    });
  }
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeNames[issue.expected] ?? { vi: issue.expected, en: issue.expected };
      return withHint({
        vi: `${label.vi}: cần ${expected.vi}, nhưng thấy ${describeValue(input, 'vi')}.`,
        en: `${label.en}: expected ${expected.en}, found ${describeValue(input, 'en')}.`,
      });
    }
    case 'invalid_value': {
      const options = fieldAt(root, issue.path)?.meta.options;
      const list = issue.values.map(String);
      const vi = list.map((v) => (options?.[v] ? `${v} (${options[v].vi})` : v)).join(', ');
      const en = list.map((v) => (options?.[v] ? `${v} (${options[v].en})` : v)).join(', ');
      return {
        vi: `${label.vi}: giá trị ${describeValue(input, 'vi')} không hợp lệ. Chọn một trong: ${vi}.`,
        en: `${label.en}: ${describeValue(input, 'en')} is not allowed. Choose one of: ${en}.`,
      };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') {
        return { vi: `${label.vi}: cần ít nhất ${min} mục.`, en: `${label.en}: needs at least ${min} item${min === 1 ? '' : 's'}.` };
      }
      return { vi: `${label.vi}: cần từ ${min} trở lên, nhưng thấy ${describeValue(input, 'vi')}.`, en: `${label.en}: must be at least ${min}, found ${describeValue(input, 'en')}.` };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') {
        return { vi: `${label.vi}: nhiều nhất ${max} mục.`, en: `${label.en}: at most ${max} items.` };
      }
      return { vi: `${label.vi}: tối đa ${max}, nhưng thấy ${describeValue(input, 'vi')}.`, en: `${label.en}: must be at most ${max}, found ${describeValue(input, 'en')}.` };
    }
    case 'custom': {
      const params = issue.params as Partial<Bilingual> | undefined;
      if (params?.vi && params.en) {
        return {
          vi: `${label.vi}: ${params.vi}${input !== undefined && typeof input !== 'object' ? ` (đang ghi: ${describeValue(input, 'vi')})` : ''}`,
          en: `${label.en}: ${params.en}${input !== undefined && typeof input !== 'object' ? ` (found: ${describeValue(input, 'en')})` : ''}`,
        };
      }
      return { vi: `${label.vi}: ${issue.message}`, en: `${label.en}: ${issue.message}` };
    }
    case 'invalid_format':
      return {
        vi: `${label.vi}: sai định dạng (${issue.format}), đang ghi ${describeValue(input, 'vi')}.`,
        en: `${label.en}: wrong format (${issue.format}), found ${describeValue(input, 'en')}.`,
      };
    default:
      return { vi: `${label.vi}: ${issue.message}`, en: `${label.en}: ${issue.message}` };
  }
}
