/**
 * The signature of an archive (`archive-signature.json`): a small statement
 * that binds the manifest's SHA-256, the publication record's SHA-256, the
 * commit, the deploy time and the size of the site, signed with Ed25519 at
 * deploy by a key only the publish environment holds (Node's built-in crypto:
 * `crypto.sign(null, …)`). Anyone holding the archive can recompute the
 * manifest and the record; nobody without the key can make a signature over
 * the new digests. The public keys are on the protected default branch
 * (signing-keys.ts). Verifying needs only the statement, the signature, the
 * keys and the two digests, so it runs before anything is extracted, and the
 * signed size bounds the extraction.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { Reason } from '../approval/input.ts';
import type { PublicationRecord } from '../history/revision.ts';
import { printable } from '../printable.ts';
import { MANIFEST_FILE, RECORD_FILE, SIGNATURE_FILE } from './names.ts';
import type { ArchiveProblem } from './verify.ts';

/** What the statement is, so a signature made for anything else never verifies as one. */
export const STATEMENT_TYPE = 'cong-thong-tin/archive-statement/v1';

/** The signature file is small; a larger one is refused before it is read. */
export const MAX_SIGNATURE_FILE_BYTES = 64 * 1024;

export interface SiteSize {
  /** Regular files of the site: the lines of the manifest. */
  files: number;
  /** Folders of the site (tarball entries that are not files). */
  folders: number;
  /** Sum of the files' sizes, in bytes. */
  bytes: number;
}

export interface ArchiveStatement {
  type: typeof STATEMENT_TYPE;
  /** The signing key's id (keyIdOf). */
  key_id: string;
  /** The Release tag, the stem of the archive's files. */
  tag: string;
  /** The published commit (full sha). */
  commit: string;
  /** When the deploy was archived (ISO 8601, UTC); the key must be valid then. */
  deployed_at: string;
  manifest_sha256: string;
  publication_sha256: string;
  /** The size of the site: the limit of what extracting the tarball may write. */
  site: SiteSize;
}

export interface SignatureFile {
  statement: ArchiveStatement;
  /** The Ed25519 signature of statementBytes(statement), base64. */
  signature: string;
}

/** A public key of the archive, as the keys file lists it (signing-keys.ts). */
export interface PublicSigningKey {
  id: string;
  /** SPKI PEM (`-----BEGIN PUBLIC KEY-----`). */
  public_key: string;
  /** From when signatures by this key count (ISO 8601 with offset). */
  valid_from: string;
  /** Until when (exclusive); absent while the key is in use. */
  valid_until?: string | undefined;
}

export type SignatureProblem = ArchiveProblem & { kind: 'signature' | 'record' };

const HEX64 = /^[0-9a-f]{64}$/;
const COMMIT = /^[0-9a-f]{40}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const TAG = /^site-\d{8}T\d{6}Z-[0-9a-f]{7}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The bytes that are signed: the statement as compact JSON with its fields in
 * this fixed order. The verifier rebuilds them from the parsed fields, so
 * spacing or key order in the file cannot matter, and a field that is not here
 * is refused rather than ignored.
 */
export function statementBytes(s: ArchiveStatement): Buffer {
  const ordered = {
    type: s.type,
    key_id: s.key_id,
    tag: s.tag,
    commit: s.commit,
    deployed_at: s.deployed_at,
    manifest_sha256: s.manifest_sha256,
    publication_sha256: s.publication_sha256,
    site: { files: s.site.files, folders: s.site.folders, bytes: s.site.bytes },
  };
  return Buffer.from(JSON.stringify(ordered), 'utf8');
}

/** A key's id: the first 16 hex digits of the SHA-256 of its public key (SPKI DER). Derived, so it can never name another key. */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** The public key as PEM, the form the keys file holds. */
export function publicKeyPem(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return String(publicKey.export({ type: 'spki', format: 'pem' }));
}

const privateKeyHelp: Reason = {
  vi: 'Cần khoá bí mật Ed25519 dạng PEM (PKCS#8, dòng đầu “-----BEGIN PRIVATE KEY-----”), như lệnh npm run archive -- keygen in ra.',
  en: 'Expected an Ed25519 private key in PEM (PKCS#8, first line “-----BEGIN PRIVATE KEY-----”), as npm run archive -- keygen prints it.',
};

/** The signing key from its PEM text (the publish environment's secret), or why it is not one. */
export function readPrivateKey(pem: string, name: string): { key: KeyObject } | { problem: Reason } {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    return { problem: { vi: `${name} không đọc được thành khoá bí mật. ${privateKeyHelp.vi}`, en: `${name} cannot be read as a private key. ${privateKeyHelp.en}` } };
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    return {
      problem: {
        vi: `${name} là khoá ${key.asymmetricKeyType ?? '?'}, không phải Ed25519. ${privateKeyHelp.vi}`,
        en: `${name} is a ${key.asymmetricKeyType ?? '?'} key, not Ed25519. ${privateKeyHelp.en}`,
      },
    };
  }
  return { key };
}

/** The public key of a keys-file entry, or undefined when its PEM is not an Ed25519 public key. */
export function readPublicKey(pem: string): KeyObject | undefined {
  try {
    const key = createPublicKey({ key: pem, format: 'pem' });
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Whether signatures by `key` count at `instant` (valid_from ≤ instant < valid_until). */
export function keyValidAt(key: PublicSigningKey, instant: string): boolean {
  const t = Date.parse(instant);
  return Date.parse(key.valid_from) <= t && (key.valid_until === undefined || t < Date.parse(key.valid_until));
}

/** The signature file's text for `statement` (without its key id, which comes from the key). */
export function signArchive(statement: Omit<ArchiveStatement, 'type' | 'key_id'>, privateKey: KeyObject): string {
  const bytes = statementBytes({ type: STATEMENT_TYPE, key_id: keyIdOf(privateKey), ...statement });
  const file = { statement: JSON.parse(bytes.toString('utf8')) as ArchiveStatement, signature: sign(null, bytes, privateKey).toString('base64') } satisfies SignatureFile;
  return `${JSON.stringify(file, null, 2)}\n`;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** The signature file read strictly: exactly the fields of a statement, each of its form. */
export function parseSignatureFile(text: string): SignatureFile | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const exactly = (o: unknown, keys: string[]): o is Record<string, unknown> =>
    typeof o === 'object' && o !== null && !Array.isArray(o) && Object.keys(o).sort().join() === [...keys].sort().join();
  if (!exactly(data, ['statement', 'signature'])) return undefined;
  const s = data.statement;
  if (!exactly(s, ['type', 'key_id', 'tag', 'commit', 'deployed_at', 'manifest_sha256', 'publication_sha256', 'site'])) return undefined;
  const site = s.site;
  if (!exactly(site, ['files', 'folders', 'bytes']) || !isCount(site.files) || !isCount(site.folders) || !isCount(site.bytes)) return undefined;
  const matches = (v: unknown, re: RegExp) => typeof v === 'string' && re.test(v);
  if (
    s.type !== STATEMENT_TYPE ||
    !matches(s.key_id, /^[0-9a-f]{16}$/) ||
    !matches(s.tag, TAG) ||
    !matches(s.commit, COMMIT) ||
    !matches(s.deployed_at, INSTANT) ||
    Number.isNaN(Date.parse(s.deployed_at as string)) ||
    !matches(s.manifest_sha256, HEX64) ||
    !matches(s.publication_sha256, HEX64) ||
    !matches(data.signature, BASE64)
  ) {
    return undefined;
  }
  return { statement: s as unknown as ArchiveStatement, signature: data.signature as string };
}

export interface SignatureInput {
  /** The signature file's text; undefined when there is none beside the manifest. */
  signature: string | undefined;
  manifestSha256: string;
  /** The publication record's SHA-256; undefined when there is none beside the manifest. */
  recordSha256: string | undefined;
  /** The public keys of the protected default branch. */
  keys: readonly PublicSigningKey[];
  /** Where the keys were read, for the messages (`main:content/governance/archive-signing-keys.yml`). */
  keysSource: string;
}

export interface SignatureVerdict {
  /** The statement, once its signature verified with a known key; the archive is vouched for only when `problems` is empty too. */
  statement?: ArchiveStatement;
  problems: SignatureProblem[];
}

/** Checks the signature file against the protected keys and the digests of the manifest and the record beside it. */
export function checkSignature(input: SignatureInput): SignatureVerdict {
  const problems: SignatureProblem[] = [];
  if (input.recordSha256 === undefined) {
    problems.push({
      kind: 'record',
      path: RECORD_FILE,
      vi: `Thiếu hồ sơ xuất bản ${RECORD_FILE} bên cạnh bảng kê: chữ ký bảo đảm cả hồ sơ này, nên thiếu nó thì bản lưu trữ không được xác nhận. Tải tệp ${RECORD_FILE} từ cùng bản phát hành (Release) rồi kiểm tra lại.`,
      en: `The publication record ${RECORD_FILE} is missing beside the manifest: the signature covers it, so without it the archive cannot be confirmed. Download ${RECORD_FILE} from the same Release and verify again.`,
    });
  }
  if (input.signature === undefined) {
    problems.push({
      kind: 'signature',
      path: SIGNATURE_FILE,
      vi: `Thiếu chữ ký ${SIGNATURE_FILE} bên cạnh bảng kê: không thể biết bản lưu trữ này có đúng là bản đã công bố hay không. Tải tệp ${SIGNATURE_FILE} từ cùng bản phát hành (Release) rồi kiểm tra lại.`,
      en: `The signature ${SIGNATURE_FILE} is missing beside the manifest: there is no telling whether this archive is the one published. Download ${SIGNATURE_FILE} from the same Release and verify again.`,
    });
    return { problems };
  }
  const file = parseSignatureFile(input.signature);
  if (!file) {
    problems.push({
      kind: 'signature',
      path: SIGNATURE_FILE,
      vi: `Tệp chữ ký ${SIGNATURE_FILE} không đúng định dạng: cần một đối tượng JSON gồm đúng “statement” (loại ${STATEMENT_TYPE}, các mã SHA-256, commit, thời điểm triển khai, kích thước trang) và “signature” (base64). Tải lại tệp từ bản phát hành (Release).`,
      en: `The signature file ${SIGNATURE_FILE} is not in the expected form: a JSON object with exactly “statement” (type ${STATEMENT_TYPE}, the SHA-256 digests, commit, deploy time, site size) and “signature” (base64). Download it again from the Release.`,
    });
    return { problems };
  }
  const { statement } = file;
  const key = input.keys.find((k) => k.id === statement.key_id);
  const source = printable(input.keysSource);
  if (!key) {
    problems.push({
      kind: 'signature',
      path: SIGNATURE_FILE,
      vi: `Chữ ký được tạo bằng khoá ${statement.key_id}, khoá này không có trong danh sách khoá công khai ${source}. Bản lưu trữ không do cổng ký, hoặc khoá chưa được thêm vào nhánh chính: hỏi người phụ trách kỹ thuật.`,
      en: `The signature was made with key ${statement.key_id}, which is not in the list of public keys ${source}. The archive was not signed by the portal, or the key was never added to the default branch: ask the technical owner.`,
    });
    return { problems };
  }
  const publicKey = readPublicKey(key.public_key);
  if (!publicKey || !verify(null, statementBytes(statement), publicKey, Buffer.from(file.signature, 'base64'))) {
    problems.push({
      kind: 'signature',
      path: SIGNATURE_FILE,
      vi: `Chữ ký không hợp lệ với khoá ${key.id}: nội dung đã ký đã bị sửa, hoặc chữ ký không phải của khoá này. Không dùng bản lưu trữ này.`,
      en: `The signature does not verify with key ${key.id}: what was signed has been altered, or the signature is not this key's. Do not rely on this archive.`,
    });
    return { problems };
  }
  if (!keyValidAt(key, statement.deployed_at)) {
    const until = key.valid_until ?? '…';
    problems.push({
      kind: 'signature',
      path: SIGNATURE_FILE,
      vi: `Khoá ${key.id} chỉ có hiệu lực từ ${key.valid_from} đến ${until} (theo ${source}), nhưng chữ ký ghi thời điểm triển khai ${statement.deployed_at}: bản lưu trữ không được ký trong thời gian khoá còn dùng.`,
      en: `Key ${key.id} is valid from ${key.valid_from} until ${until} (per ${source}), but the signature gives the deploy time ${statement.deployed_at}: the archive was not signed while the key was in use.`,
    });
  }
  if (statement.manifest_sha256 !== input.manifestSha256) {
    problems.push({
      kind: 'signature',
      path: MANIFEST_FILE,
      vi: `Bảng kê ${MANIFEST_FILE} không phải bản đã ký: mã SHA-256 của nó là ${input.manifestSha256}, chữ ký ghi ${statement.manifest_sha256}. Bảng kê đã bị thay hoặc tính lại.`,
      en: `The manifest ${MANIFEST_FILE} is not the one signed: its SHA-256 is ${input.manifestSha256}, the signature says ${statement.manifest_sha256}. It has been replaced or recomputed.`,
    });
  }
  if (input.recordSha256 !== undefined && statement.publication_sha256 !== input.recordSha256) {
    problems.push({
      kind: 'signature',
      path: RECORD_FILE,
      vi: `Hồ sơ xuất bản ${RECORD_FILE} không phải bản đã ký: mã SHA-256 của nó là ${input.recordSha256}, chữ ký ghi ${statement.publication_sha256}. Hồ sơ đã bị thay hoặc tính lại.`,
      en: `The publication record ${RECORD_FILE} is not the one signed: its SHA-256 is ${input.recordSha256}, the signature says ${statement.publication_sha256}. It has been replaced or recomputed.`,
    });
  }
  return { statement, problems };
}

/**
 * The signed statement against what the (signed) record says and the tarball's
 * name: one publication, one archive. A valid archive of another deploy, renamed,
 * is refused here.
 */
export function checkStatementMatches(statement: ArchiveStatement, record: PublicationRecord, tarballName: string | undefined): SignatureProblem[] {
  const problems: SignatureProblem[] = [];
  if (record.commit !== statement.commit || record.archive?.tag !== statement.tag) {
    problems.push({
      kind: 'signature',
      path: RECORD_FILE,
      vi: `Hồ sơ xuất bản ghi commit ${printable(String(record.commit))}, bản lưu trữ ${printable(String(record.archive?.tag ?? '—'))}; chữ ký ghi commit ${statement.commit}, bản lưu trữ ${statement.tag}: hai tệp không thuộc cùng một lần xuất bản.`,
      en: `The publication record names commit ${printable(String(record.commit))}, archive ${printable(String(record.archive?.tag ?? '—'))}; the signature names commit ${statement.commit}, archive ${statement.tag}: they are not of the same publication.`,
    });
  }
  if (tarballName !== undefined && tarballName !== `${statement.tag}.tar.gz`) {
    problems.push({
      kind: 'signature',
      path: tarballName,
      vi: `Tệp nén tên là ${printable(tarballName)} nhưng chữ ký dành cho ${statement.tag}.tar.gz: đây không phải tệp nén của bản lưu trữ đã ký.`,
      en: `The tarball is named ${printable(tarballName)} but the signature is for ${statement.tag}.tar.gz: this is not the signed archive's tarball.`,
    });
  }
  return problems;
}
