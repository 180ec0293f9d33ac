/**
 * The words that go with an archive: the WARC's warcinfo fields and the
 * Release's title and description, in Vietnamese and English.
 */
import type { PublicationRecord } from '../history/revision.ts';
import type { ArchiveNames } from './names.ts';
import { WARC_VERSION } from './warc.ts';

export interface PortalIdentity {
  /** The agency, e.g. Bảo hiểm xã hội Việt Nam / Vietnam Social Security. */
  name: { vi: string; en: string };
  portal_name: { vi: string; en: string };
  url: string;
  url_en?: string | undefined;
}

/** The fields of the warcinfo record (application/warc-fields), in order. Nothing here changes between runs. */
export function warcInfoFields(portal: PortalIdentity, o: { commit: string; commitTime: string; repository: string; software: string }): Record<string, string> {
  return {
    software: o.software,
    format: `WARC File Format ${WARC_VERSION.slice(5)}`,
    conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
    isPartOf: `${portal.portal_name.vi} / ${portal.portal_name.en}`,
    operator: `${portal.name.vi} / ${portal.name.en}`,
    description: `Bản lưu trữ các trang đã xuất bản, dựng từ commit ${o.commit} (không phải thu thập qua mạng) / The published pages as built from commit ${o.commit} (not crawled)`,
    'portal-url': portal.url_en ? `${portal.url} ${portal.url_en}` : portal.url,
    repository: o.repository,
    commit: o.commit,
    'commit-time': o.commitTime,
  };
}

/** The Release's title and description. */
export function releaseText(names: ArchiveNames, record: PublicationRecord, commitTime: string): { name: string; body: string } {
  const pr = record.pull_request;
  const lines = [
    `Bản lưu trữ cổng thông tin như đã xuất bản tại commit ${record.commit} (${commitTime}).`,
    `Archive of the portal as published at commit ${record.commit} (${commitTime}).`,
    '',
    ...(pr ? [`- Pull request: [#${pr.number} ${pr.title}](${pr.url}) (@${pr.author})`] : []),
    ...record.approvals.map((a) => `- ${a.state}: @${a.login} (${a.role}), ${a.submitted_at}`),
    ...(record.decision ? [`- editorial-approval: ${record.decision.decision}${record.decision.check_run_url ? ` ([check run](${record.decision.check_run_url}))` : ''}`] : []),
    ...(record.merged_by ? [`- Merged by / Người hợp nhất: @${record.merged_by}, ${record.merged_at ?? ''}`] : []),
    ...(record.note ? [`- ${record.note.vi}`, `- ${record.note.en}`] : []),
    '',
    `Tệp / Files: \`${names.tarball}\` (trang đã dựng / built site), \`${names.warc}\` (WARC), \`${names.manifest}\` (SHA-256), \`${names.record}\` (hồ sơ xuất bản / publication record), \`${names.signature}\` (chữ ký / signature, Ed25519).`,
    `Kiểm tra / Verify: \`npm run archive -- verify <thư mục tải về / downloaded folder>\` (docs/archive.md).`,
  ];
  return { name: `Lưu trữ / Archive ${names.tag}`, body: lines.join('\n') };
}
