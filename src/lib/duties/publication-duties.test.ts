/**
 * The publication duties against the real 2026 calendar (content/calendar/,
 * office hours 07:30–17:00 from content/site.yml) and the real rules file.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MissingCalendarYear, type WorkingCalendar } from '../calendar/index.ts';
import { loadWorkingCalendar } from '../calendar/read-calendar.ts';
import { validatePublicationDutiesFile, PUBLICATION_DUTIES_FILE } from '../content/publication-duties-file.ts';
import type { CollectionName } from '../schema/collections.ts';
import type { PublicationDutyRules } from '../schema/publication-duties.ts';
import { dutiesNeedingAttention, publicationDutiesReport } from './publication-duties-report.ts';
import { dutyStartOf, firstLive, publicationDuties, type DutyEntry, type PublishedRevision } from './publication-duties.ts';

let calendar: WorkingCalendar;
const rules = validatePublicationDutiesFile(readFileSync(PUBLICATION_DUTIES_FILE, 'utf8')).rules as PublicationDutyRules;

beforeAll(async () => {
  calendar = await loadWorkingCalendar();
});

function entry(collection: CollectionName, slug: string, data: Record<string, unknown>, locale = 'vi'): DutyEntry {
  return { collection, locale, slug, file: `content/${collection}/${locale}/${slug}.mdx`, data: 'name' in data ? data : { title: slug, ...data } };
}

/** A revision merged at `at` (Vietnam time, YYYY-MM-DDTHH:mm) with `data`. */
const merged = (at: string, data: Record<string, unknown> | null): PublishedRevision => ({ date: `${at}:00+07:00`, data });

/** The one duty of `e`, published (first live) as `revisions` say, at `now`. */
function dutyOf(e: DutyEntry, revisions: PublishedRevision[], now: string) {
  const results = publicationDuties([e], new Map([[e.file, revisions]]), calendar, rules, now);
  expect(results).toHaveLength(1);
  return results[0]!;
}

describe('legal and guidance documents: within 1 working day of being cleared (portal reg. Art. 11(1)(a))', () => {
  const cleared = (at: string) => entry('documents', 'quyet-dinh-mau', { cleared_at: at });

  it('cleared on the eve of 2/9 (1/9/2026 17:00, itself a holiday): the count starts Thursday 3/9, due Friday 4/9 at the close', () => {
    const e = cleared('2026-09-01T17:00');
    expect(dutyOf(e, [merged('2026-09-04T16:00', e.data)], '2026-09-10T09:00')).toMatchObject({
      duty: 'documents',
      from: '2026-09-01T17:00',
      due: '2026-09-04T17:00',
      published: '2026-09-04T16:00',
      state: 'on-time',
      elapsed: 1,
    });
    expect(dutyOf(e, [merged('2026-09-07T08:00', e.data)], '2026-09-10T09:00')).toMatchObject({ due: '2026-09-04T17:00', state: 'late', elapsed: 2 });
  });

  it('cleared during office hours on the Friday before the break: due the next working day, Thursday 3/9', () => {
    expect(dutyOf(cleared('2026-08-28T10:00'), [], '2026-09-03T12:00')).toMatchObject({ due: '2026-09-03T17:00', state: 'due' });
  });

  it('cleared after office hours: counted from the next working day', () => {
    expect(dutyOf(cleared('2026-08-28T17:30'), [], '2026-09-03T12:00')).toMatchObject({ due: '2026-09-04T17:00', state: 'due', elapsed: 0 });
    // Friday 21/8 after hours: the next working day is Saturday 22/8, worked in exchange for Monday 31/8.
    expect(dutyOf(cleared('2026-08-21T17:45'), [], '2026-08-22T09:00')).toMatchObject({ due: '2026-08-24T17:00', state: 'due' });
  });

  it('not yet published: due until the close of the last day, overdue after it', () => {
    const e = cleared('2026-09-01T17:00');
    expect(dutyOf(e, [], '2026-09-04T17:00')).toMatchObject({ state: 'due' });
    expect(dutyOf(e, [], '2026-09-04T17:01')).toMatchObject({ state: 'overdue' });
    expect(dutyOf(e, [], '2026-09-08T10:00')).toMatchObject({ state: 'overdue', elapsed: 3 });
  });
});

describe('guidance on new policy: within 10 working days of issue', () => {
  const e = entry('news', 'huong-dan-mau', { publication_duty: { kind: 'policy-guidance', from: '2026-10-01T08:00' } });

  it('published on the 10th working day after issue is on time', () => {
    expect(dutyOf(e, [merged('2026-10-15T16:59', e.data)], '2026-11-01T09:00')).toMatchObject({ duty: 'policy-guidance', due: '2026-10-15T17:00', state: 'on-time', elapsed: 10 });
  });

  it('published 11 working days after issue is late', () => {
    expect(dutyOf(e, [merged('2026-10-16T09:00', e.data)], '2026-11-01T09:00')).toMatchObject({ state: 'late', elapsed: 11, published: '2026-10-16T09:00' });
  });
});

describe('the other duties of Art. 11', () => {
  it('awards: 5 working days, due then overdue while unpublished', () => {
    const e = entry('news', 'khen-thuong-mau', { source_unit: 'bhxh-tinh-khanh-hoa', publication_duty: { kind: 'award', from: '2026-11-27T10:00' } });
    expect(dutyOf(e, [], '2026-12-02T12:00')).toMatchObject({ duty: 'award', due: '2026-12-04T17:00', state: 'due', elapsed: 3, units: ['bhxh-tinh-khanh-hoa'] });
    expect(dutyOf(e, [], '2026-12-07T09:00')).toMatchObject({ state: 'overdue', elapsed: 6 });
  });

  it('research programmes: 20 working days; investment projects and procurement: 10', () => {
    const research = entry('news', 'de-tai-mau', { publication_duty: { kind: 'research-programme', from: '2026-10-01T08:00' } });
    expect(dutyOf(research, [], '2026-10-02T08:00')).toMatchObject({ workingDays: 20, due: '2026-10-29T17:00' });
    for (const kind of ['investment-project', 'procurement']) {
      const e = entry('news', `${kind}-mau`, { publication_duty: { kind, from: '2026-10-01T08:00' } });
      expect(dutyOf(e, [], '2026-10-02T08:00')).toMatchObject({ duty: kind, workingDays: 10, due: '2026-10-15T17:00' });
    }
  });

  it('contact details: 1 working day from the change; the revision that records this change counts, not the entry’s first publication', () => {
    const before = { name: 'Văn phòng', phone: '024 1111 1111' };
    const after = { ...before, phone: '024 2222 2222', contact_changed: '2026-11-25T09:00' };
    const e = entry('units', 'van-phong', after);
    const revisions = [merged('2026-11-02T10:00', before), merged('2026-11-27T08:00', after)];
    expect(dutyOf(e, revisions, '2026-12-01T09:00')).toMatchObject({
      duty: 'contact-details',
      due: '2026-11-26T17:00',
      published: '2026-11-27T08:00',
      state: 'late',
      units: ['van-phong'],
      supplier: { vi: 'Các đơn vị trực thuộc, Bảo hiểm xã hội tỉnh', en: 'The central units and provincial offices' },
    });
    // An earlier change, published on time, does not meet the duty of a later one.
    const earlier = { ...before, contact_changed: '2026-11-02T09:00' };
    expect(dutyOf(e, [merged('2026-11-02T10:00', earlier)], '2026-11-26T12:00')).toMatchObject({ state: 'due' });
    const person = entry('spokespeople', 'nguoi-phat-ngon-mau', { name: 'Nguyễn Văn A', contact_changed: '2026-11-25T09:00' });
    expect(dutyOf(person, [merged('2026-11-25T11:00', person.data)], '2026-12-01T09:00')).toMatchObject({ title: 'Nguyễn Văn A', state: 'on-time' });
  });
});

describe('leaders’ biographies: on the day of appointment (0 working days)', () => {
  const page = (appointed: string) => entry('pages', 'pho-tong-giam-doc-mau', { section: 'organisation', appointed });

  it('published the same day is on time; the next day is late', () => {
    const e = page('2026-11-26');
    expect(dutyOf(e, [merged('2026-11-26T16:30', e.data)], '2026-12-01T09:00')).toMatchObject({ duty: 'leader-biography', from: '2026-11-26T00:00', due: '2026-11-26T17:00', state: 'on-time', elapsed: 0 });
    expect(dutyOf(e, [merged('2026-11-27T08:00', e.data)], '2026-12-01T09:00')).toMatchObject({ state: 'late', elapsed: 1 });
  });

  it('appointed on a Sunday: due at the close of the next working day', () => {
    expect(dutyOf(page('2026-11-29'), [], '2026-11-30T09:00')).toMatchObject({ due: '2026-11-30T17:00', state: 'due' });
  });
});

describe('when an entry went live', () => {
  const NOW = '2026-12-31T12:00';
  const start = { duty: 'award' as const, from: '2026-11-27T10:00' };
  const data = { publication_duty: { kind: 'award', from: '2026-11-27T10:00' } };

  it('a scheduled revision goes live at its publish_at, unless a later revision is merged before then', () => {
    const scheduled = { ...data, publish_at: '2026-12-03T08:00:00+07:00' };
    expect(firstLive('news', [merged('2026-11-30T09:00', scheduled)], start, NOW)).toBe('2026-12-03T08:00');
    const rescheduled = { ...data, publish_at: '2026-12-08T08:00:00+07:00' };
    expect(firstLive('news', [merged('2026-11-30T09:00', scheduled), merged('2026-12-01T09:00', rescheduled)], start, NOW)).toBe('2026-12-08T08:00');
  });

  it('a revision scheduled after now has not gone live yet: the duty is still due', () => {
    const scheduled = { ...data, publish_at: '2026-12-03T08:00:00+07:00' };
    expect(firstLive('news', [merged('2026-11-30T09:00', scheduled)], start, '2026-12-02T12:00')).toBeUndefined();
    const e = entry('news', 'khen-thuong-mau', scheduled);
    expect(dutyOf(e, [merged('2026-11-30T09:00', scheduled)], '2026-12-02T12:00')).toMatchObject({ state: 'due', due: '2026-12-04T17:00' });
    expect(dutyOf(e, [merged('2026-11-30T09:00', scheduled)], '2026-12-03T12:00')).toMatchObject({ state: 'on-time', published: '2026-12-03T08:00' });
  });

  it('a withdrawn revision, a removal, or a revision without this start is not the duty met', () => {
    const withdrawn = { ...data, withdrawn: { kind: 'withdraw', date: '2026-11-30', reason: 'Sai số quyết định.' } };
    expect(firstLive('news', [merged('2026-11-30T09:00', withdrawn), merged('2026-12-01T09:00', null)], start, NOW)).toBeUndefined();
    expect(firstLive('news', [merged('2026-11-30T09:00', {})], start, NOW)).toBeUndefined();
    expect(firstLive('news', [merged('2026-11-30T09:00', withdrawn), merged('2026-12-01T10:00', data)], start, NOW)).toBe('2026-12-01T10:00');
  });

  it('is read only from the Vietnamese original: translations and entries without a duty give nothing', () => {
    const translation = entry('news', 'khen-thuong-mau', data, 'en');
    const plain = entry('news', 'tin-thuong', {});
    expect(publicationDuties([translation, plain, entry('qa', 'hoi-dap', {})], new Map(), calendar, rules, '2026-12-01T09:00')).toEqual([]);
    expect(dutyStartOf('pages', { appointed: '2026-11-26' })).toEqual({ duty: 'leader-biography', from: '2026-11-26T00:00' });
  });
});

describe('what the publication history cannot know', () => {
  const e = entry('documents', 'quyet-dinh-cu', { cleared_at: '2026-03-02T09:00' });
  // The documents came into Git on 22/11/2026: the revision of that day is the import, not the publication.
  const imported = [merged('2026-11-22T12:17', e.data)];

  it('a duty due before the collection’s history begins is unrecorded, not late; without that knowledge it reads as late', () => {
    expect(dutyOf(e, imported, '2026-12-02T10:00')).toMatchObject({ state: 'late' });
    const [known] = publicationDuties([e], new Map([[e.file, imported]]), calendar, rules, '2026-12-02T10:00', new Map([['documents', '2026-11-22T12:17']]));
    expect(known).toMatchObject({ due: '2026-03-03T17:00', state: 'unrecorded', historyBegins: '2026-11-22T12:17' });
    expect(known!.published).toBeUndefined();
    expect(publicationDutiesReport([known!], rules, 'en').at(-1)).toContain('published before the portal’s history begins (22 November 2026); the time is not recorded');
    expect(publicationDutiesReport([known!], rules, 'vi').at(-1)).toContain('đăng trước khi lịch sử của Cổng bắt đầu (22/11/2026)');
  });

  it('an entry that came with the import before its duty’s field existed (the content model grew later) is unrecorded too', () => {
    const revisions = [merged('2026-11-22T12:17', { title: 'quyet-dinh-cu' }), merged('2026-12-02T18:00', e.data)];
    expect(publicationDuties([e], new Map([[e.file, revisions]]), calendar, rules, '2026-12-02T10:00', new Map([['documents', '2026-11-22T12:17']]))[0]).toMatchObject({ state: 'unrecorded' });
  });

  it('an entry first committed after the history began was not on the portal until then: late, as recorded', () => {
    const later = [merged('2026-11-25T09:00', e.data)];
    expect(publicationDuties([e], new Map([[e.file, later]]), calendar, rules, '2026-12-02T10:00', new Map([['documents', '2026-11-22T12:17']]))[0]).toMatchObject({ state: 'late', published: '2026-11-25T09:00' });
  });

  it('a duty that starts after now is not listed yet', () => {
    expect(publicationDuties([entry('units', 'van-phong', { name: 'Văn phòng', contact_changed: '2026-12-02T16:45' })], new Map(), calendar, rules, '2026-12-02T10:00')).toEqual([]);
  });

  it('a duty due after its collection’s history began is judged by the history, and one never published is overdue', () => {
    const begins = new Map([['documents', '2026-03-01T08:00']]);
    expect(publicationDuties([e], new Map([[e.file, imported]]), calendar, rules, '2026-12-02T10:00', begins)[0]).toMatchObject({ state: 'late' });
    expect(publicationDuties([e], new Map(), calendar, rules, '2026-12-02T10:00', new Map([['documents', '2026-11-22T12:17']]))[0]).toMatchObject({ state: 'overdue' });
  });
});

it('a count that reaches a year the calendar has no data for stops with MissingCalendarYear, never a guess', () => {
  const e = entry('documents', 'van-ban-2030', { cleared_at: '2030-03-01T09:00' });
  expect(() => publicationDuties([e], new Map(), calendar, rules, '2030-03-02T09:00')).toThrow(MissingCalendarYear);
  expect(() => publicationDuties([e], new Map(), calendar, rules, '2030-03-02T09:00')).toThrow(/content\/calendar\/2030\.yml/);
});

describe('the report', () => {
  it('groups by duty with its time limit and article, one line per entry, in Vietnamese and in English', () => {
    const doc = entry('documents', 'quyet-dinh-mau', { title: 'Quyết định mẫu', cleared_at: '2026-09-01T17:00' });
    const bio = entry('pages', 'pho-tong-giam-doc-mau', { title: 'Phó Tổng Giám đốc', appointed: '2026-11-26' });
    const award = entry('news', 'khen-thuong-mau', { title: 'Khen thưởng', publication_duty: { kind: 'award', from: '2026-11-27T10:00' } });
    const history = new Map([
      [doc.file, [merged('2026-09-07T08:00', doc.data)]],
      [bio.file, [merged('2026-11-26T16:30', bio.data)]],
    ]);
    const results = publicationDuties([bio, award, doc], history, calendar, rules, '2026-12-07T09:00');
    expect(results.map((r) => r.duty)).toEqual(['documents', 'award', 'leader-biography']);
    expect(publicationDutiesReport(results, rules, 'vi')).toEqual([
      'Nghĩa vụ đăng tải của Cổng (Quy chế hoạt động Cổng Thông tin điện tử Bảo hiểm xã hội Việt Nam (dự thảo 2021), Điều 4, 11):',
      'Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành: trong 01 ngày làm việc kể từ khi văn bản hoàn thiện xong thông tin và được phép công bố (Quy chế Cổng, Điều 11 khoản 1 điểm a).',
      '  [trễ hạn] “Quyết định mẫu” (content/documents/vi/quyet-dinh-mau.mdx): tính từ 01/09/2026 17:00, hạn 04/09/2026 17:00; đã đăng 07/09/2026 08:00, trễ 1 ngày làm việc.',
      'Thông tin khen thưởng: trong 05 ngày làm việc kể từ khi thông tin khen thưởng hoàn thiện xong và được phép công bố (Quy chế Cổng, Điều 11 khoản 1 điểm đ).',
      '  [quá hạn] “Khen thưởng” (content/news/vi/khen-thuong-mau.mdx): tính từ 27/11/2026 10:00, hạn 04/12/2026 17:00; chưa đăng, đã quá hạn 1 ngày làm việc.',
      'Tiểu sử tóm tắt và nhiệm vụ của lãnh đạo: trong ngày lãnh đạo được bổ nhiệm và phân công nhiệm vụ (Quy chế Cổng, Điều 11 khoản 1 điểm b).',
      '  [đúng hạn] “Phó Tổng Giám đốc” (content/pages/vi/pho-tong-giam-doc-mau.mdx): tính từ 26/11/2026 00:00, hạn 26/11/2026 17:00; đã đăng 26/11/2026 16:30.',
    ]);
    expect(publicationDutiesReport(results, rules, 'en')).toEqual([
      'The portal’s publication duties (Regulation on operating the VSS Electronic Information Portal (2021 draft), Art. 4, 11):',
      'Legal and guidance documents: within 1 working day of when the document is final and cleared for publication (portal regulation, Art. 11(1)(a)).',
      '  [late] “Quyết định mẫu” (content/documents/vi/quyet-dinh-mau.mdx): counted from 1 September 2026, 17:00, due 4 September 2026, 17:00; published 7 September 2026, 08:00, 1 working day late.',
      'Awards: within 5 working days of when the information on the award is complete and cleared for publication (portal regulation, Art. 11(1)(đ)).',
      '  [overdue] “Khen thưởng” (content/news/vi/khen-thuong-mau.mdx): counted from 27 November 2026, 10:00, due 4 December 2026, 17:00; not yet published, 1 working day overdue.',
      'Leaders’ short biographies and duties: on the day the leader is appointed and assigned duties (portal regulation, Art. 11(1)(b)).',
      '  [on time] “Phó Tổng Giám đốc” (content/pages/vi/pho-tong-giam-doc-mau.mdx): counted from 26 November 2026, 00:00, due 26 November 2026, 17:00; published 26 November 2026, 16:30.',
    ]);
  });

  it('lists what needs attention: the overdue, the late, and what falls due within N working days', () => {
    const soon = entry('documents', 'sap-het-han', { cleared_at: '2026-12-01T09:00' });
    const later = entry('news', 'de-tai', { publication_duty: { kind: 'research-programme', from: '2026-12-01T09:00' } });
    const done = entry('pages', 'lanh-dao', { appointed: '2026-11-26' });
    const results = publicationDuties([soon, later, done], new Map([[done.file, [merged('2026-11-26T10:00', done.data)]]]), calendar, rules, '2026-12-01T10:00');
    expect(dutiesNeedingAttention(results, calendar, '2026-12-01T10:00', 1).map((r) => r.slug)).toEqual(['sap-het-han']);
    expect(dutiesNeedingAttention(results, calendar, '2026-12-01T10:00', 30).map((r) => r.slug)).toEqual(['sap-het-han', 'de-tai']);
    expect(publicationDutiesReport([], rules, 'en')).toEqual([
      'The portal’s publication duties (Regulation on operating the VSS Electronic Information Portal (2021 draft), Art. 4, 11):',
      '  Nothing to report.',
    ]);
  });
});
