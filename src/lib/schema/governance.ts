/**
 * Schema of the roles file, `content/governance/roles.yml`: who may do what in
 * the editorial chain of Decision 1624/QĐ-BHXH Art. 7 and 11 and the portal
 * regulation Art. 6 — editors propose, the secretary reviews and submits, the
 * head of the board (or a deputy the head has authorised in writing, for a
 * term) decides — and who owns the portal's code. The editorial-approval check
 * reads it from the protected base branch; the editorial-board page lists it.
 */
import { z } from 'zod';
import { bilingualIssue, choice, customIssue, isoDate, sampleFlag, text, type Bilingual } from './fields.ts';
import { bilingualText } from './settings.ts';

export const roleLabels = {
  editor: { vi: 'Biên tập viên', en: 'Editor' },
  secretary: { vi: 'Thư ký Ban Biên tập', en: 'Editorial secretary' },
  'board-head': { vi: 'Trưởng Ban Biên tập', en: 'Head of the Editorial Board' },
  'deputy-head': { vi: 'Phó Trưởng Ban Biên tập', en: 'Deputy Head of the Editorial Board' },
  'technical-owner': { vi: 'Phụ trách kỹ thuật', en: 'Technical owner' },
} satisfies Record<string, Bilingual>;
export type RoleName = keyof typeof roleLabels;

export const delegationScopes = {
  publish: { vi: 'đăng tải', en: 'publication' },
  takedown: { vi: 'gỡ bỏ', en: 'taking content down' },
} satisfies Record<string, Bilingual>;
export type DelegationScope = keyof typeof delegationScopes;

/** A GitHub login: letters, digits and single hyphens, not at the start or end, at most 39 characters. */
export const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

function githubLogin(label: Bilingual) {
  const message = {
    vi: 'Cần tên tài khoản GitHub: chữ, số và dấu gạch ngang (không ở đầu hay cuối), tối đa 39 ký tự, ví dụ nguyen-van-a.',
    en: 'Expected a GitHub login: letters, digits and hyphens (not at the start or end), at most 39 characters, for example nguyen-van-a.',
  };
  return text(label, { max: 39, translate: false })
    .refine((s) => GITHUB_LOGIN.test(s), bilingualIssue(message.vi, message.en))
    .meta({ label, translate: false, pattern: { regex: GITHUB_LOGIN.source, message } });
}

/** The same login in any letter case (GitHub logins are case-insensitive). */
export const sameLogin = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const personSchema = z
  .strictObject({
    login: githubLogin({ vi: 'Tài khoản GitHub', en: 'GitHub login' }),
    name: text({ vi: 'Họ và tên', en: 'Full name' }, { max: 120, translate: false }),
    title: bilingualText({ vi: 'Chức vụ', en: 'Title' }),
    roles: z
      .array(choice({ vi: 'Vai trò', en: 'Role' }, roleLabels))
      .min(1)
      .meta({
        label: { vi: 'Vai trò', en: 'Roles' },
        hint: { vi: 'Một người có thể giữ nhiều vai trò.', en: 'A person may hold several roles.' },
      }),
  })
  .meta({ label: { vi: 'Thành viên', en: 'Person' } });

const delegationSchema = z
  .strictObject({
    to: githubLogin({ vi: 'Phó Trưởng Ban được ủy quyền (tài khoản GitHub)', en: 'Authorised deputy head (GitHub login)' }),
    letter: z
      .strictObject({
        number: text({ vi: 'Số văn bản ủy quyền', en: 'Letter number' }, { max: 60, translate: false }),
        date: isoDate({ vi: 'Ngày ký văn bản ủy quyền', en: 'Date of the letter' }),
      })
      .meta({ label: { vi: 'Văn bản ủy quyền', en: 'Authorisation letter' } }),
    scope: z
      .array(choice({ vi: 'Phạm vi ủy quyền', en: 'Scope' }, delegationScopes))
      .min(1)
      .meta({ label: { vi: 'Phạm vi ủy quyền', en: 'Scope' } }),
    term: z
      .strictObject({
        from: isoDate({ vi: 'Hiệu lực từ ngày', en: 'Valid from' }),
        to: isoDate({ vi: 'Hiệu lực đến hết ngày', en: 'Valid until (inclusive)' }),
      })
      .meta({
        label: { vi: 'Thời hạn ủy quyền', en: 'Term' },
        hint: { vi: 'Tính cả hai ngày đầu và cuối, theo giờ Việt Nam.', en: 'Both days included, Vietnam time.' },
      }),
  })
  .meta({ label: { vi: 'Ủy quyền', en: 'Delegation' } });

export const rolesSchema = z
  .strictObject({
    people: z.array(personSchema).min(1).meta({ label: { vi: 'Thành viên', en: 'People' } }),
    delegations: z
      .array(delegationSchema)
      .default([])
      .meta({
        label: { vi: 'Ủy quyền của Trưởng Ban', en: 'Delegations by the head' },
        hint: {
          vi: 'Trưởng Ban ủy quyền cho Phó Trưởng Ban quyết định đăng tải hoặc gỡ bỏ, bằng văn bản, có thời hạn.',
          en: 'The head authorises a deputy head, in writing and for a term, to decide on publication or takedown.',
        },
      }),
    /** The people and logins are invented, for illustration. */
    sample: sampleFlag,
  })
  .superRefine((r, ctx) => {
    const heads = r.people.flatMap((p, i) => (p.roles.includes('board-head') ? [i] : []));
    if (heads.length === 0) {
      ctx.addIssue(
        customIssue(
          ['people'],
          'Cần đúng một Trưởng Ban (vai trò board-head); hiện chưa có ai.',
          'Exactly one head of the board (role board-head) is needed; there is none.',
        ),
      );
    }
    for (const i of heads.slice(1)) {
      ctx.addIssue(
        customIssue(
          ['people', i, 'roles'],
          `Chỉ được có một Trưởng Ban (vai trò board-head); ${r.people[heads[0]!]!.login} đã là Trưởng Ban.`,
          `There can be only one head of the board (role board-head); ${r.people[heads[0]!]!.login} is already the head.`,
        ),
      );
    }
    r.people.forEach((p, i) => {
      const first = r.people.findIndex((q) => sameLogin(q.login, p.login));
      if (first < i) {
        ctx.addIssue(
          customIssue(
            ['people', i, 'login'],
            `Tài khoản “${p.login}” đã có ở người thứ ${first + 1}; mỗi người chỉ ghi một lần (gộp các vai trò vào một danh sách roles).`,
            `The login “${p.login}” is already used by person ${first + 1}; list each person once (put all their roles in one roles list).`,
          ),
        );
      }
      p.roles.forEach((role, j) => {
        if (p.roles.indexOf(role) < j) {
          ctx.addIssue(customIssue(['people', i, 'roles', j], `Vai trò “${role}” ghi hai lần.`, `The role “${role}” is listed twice.`));
        }
      });
    });
    r.delegations.forEach((d, i) => {
      const person = r.people.find((p) => sameLogin(p.login, d.to));
      if (!person) {
        ctx.addIssue(
          customIssue(
            ['delegations', i, 'to'],
            `Không có ai có tài khoản “${d.to}” trong danh sách thành viên (people).`,
            `Nobody with the login “${d.to}” is listed under people.`,
          ),
        );
      } else if (!person.roles.includes('deputy-head')) {
        ctx.addIssue(
          customIssue(
            ['delegations', i, 'to'],
            `“${d.to}” không phải Phó Trưởng Ban (deputy-head); Trưởng Ban chỉ ủy quyền cho Phó Trưởng Ban (Quyết định 1624, Điều 11, khoản 1, điểm c).`,
            `“${d.to}” is not a deputy head (deputy-head); the head delegates only to a deputy head (Decision 1624, Art. 11.1 c).`,
          ),
        );
      }
      d.scope.forEach((s, j) => {
        if (d.scope.indexOf(s) < j) {
          ctx.addIssue(customIssue(['delegations', i, 'scope', j], `Phạm vi “${s}” ghi hai lần.`, `The scope “${s}” is listed twice.`));
        }
      });
      if (d.term.to < d.term.from) {
        ctx.addIssue(
          customIssue(
            ['delegations', i, 'term', 'to'],
            `Ngày kết thúc ${d.term.to} trước ngày bắt đầu ${d.term.from}.`,
            `The end date ${d.term.to} is before the start date ${d.term.from}.`,
          ),
        );
      }
    });
  });

export type Roles = z.infer<typeof rolesSchema>;
export type Person = Roles['people'][number];
export type Delegation = Roles['delegations'][number];

/**
 * Whether a delegation is in force on `day` (YYYY-MM-DD, Vietnam time): the
 * letter exists by then (dated on or before that day: a term that starts
 * before the letter's date does not reach back before it) and the day is
 * inside the term, both ends included.
 */
export function delegationInForce(d: Delegation, day: string): boolean {
  return d.letter.date <= day && d.term.from <= day && day <= d.term.to;
}
