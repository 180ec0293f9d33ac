/**
 * The limits every content file is held to before and while it is parsed, so
 * that no file, however written, can crash or stall the content check or the
 * build: each is refused with a message instead. Documented in
 * docs/content-model.md (“Limits”); the numbers live here only.
 *
 * Why these numbers: the largest real entry is under 50 KB, a whole law in
 * Vietnamese about 400 KB; real content nests at most 4 levels (a điểm in a
 * khoản in an Điều); no content file uses YAML anchors or aliases (Decap CMS
 * never writes them). The MDX parser (satteri, native code) crashes the whole
 * process on inputs nested a few hundred thousand levels deep and takes
 * quadratic time on long runs of `>` or inline tags, so nesting is bounded
 * before it parses, not only after.
 */
import type { Bilingual } from '../schema/fields.ts';

/** Largest content file (MDX or YAML), in bytes: 1 MiB. */
export const MAX_CONTENT_FILE_BYTES = 1024 * 1024;

/** Deepest nesting of quotes, lists, components and formatting in a body, and of fields in YAML. */
export const MAX_NESTING_DEPTH = 32;

/**
 * Most characters that can open nested formatting (`*`, `_`, `~`, `<`) in one
 * block of a body (the text between two blank lines). Far above any real
 * paragraph or table, far below what the parser survives.
 */
export const MAX_MARKS_PER_BLOCK = 10_000;

/** YAML aliases (`*name`) allowed in a file: none (an alias bomb expands a few lines into billions of values). */
export const MAX_YAML_ALIASES = 0;

const MIB = 1024 * 1024;

/** A size in bytes as people read it: “1,5 MB” / “1.5 MB”. */
export function formatBytes(bytes: number): Bilingual {
  const [value, unit] = bytes >= MIB ? [bytes / MIB, 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'byte'];
  const rounded = Math.round(value * 10) / 10;
  return { vi: `${String(rounded).replace('.', ',')} ${unit}`, en: `${rounded} ${unit}${unit === 'byte' && rounded !== 1 ? 's' : ''}` };
}

/** The message for a content file larger than MAX_CONTENT_FILE_BYTES. */
export function fileTooLargeMessage(bytes: number): Bilingual {
  const size = formatBytes(bytes);
  const limit = formatBytes(MAX_CONTENT_FILE_BYTES);
  return {
    vi:
      `Tệp quá lớn (${size.vi}); mỗi tệp nội dung được tối đa ${limit.vi}, để không tệp nào làm treo việc kiểm tra và dựng trang. ` +
      'Chia nội dung thành nhiều mục, hoặc đưa văn bản dài vào một tệp PDF đính kèm.',
    en:
      `The file is too large (${size.en}); a content file may hold at most ${limit.en}, so that no file can stall the check and the build. ` +
      'Split the content into several entries, or attach a long text as a PDF file.',
  };
}

/** The message for nesting deeper than MAX_NESTING_DEPTH (`what` says what nests). */
export function nestingTooDeepMessage(what: Bilingual): Bilingual {
  return {
    vi: `${what.vi} lồng nhau quá sâu: tối đa ${MAX_NESTING_DEPTH} cấp, để không tệp nào làm hỏng việc kiểm tra và dựng trang. Bớt các cấp lồng nhau.`,
    en: `${what.en} nested too deeply: at most ${MAX_NESTING_DEPTH} levels, so that no file can break the check and the build. Use fewer levels.`,
  };
}
