import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { taxonomySchema } from './settings.ts';

describe('the taxonomy', () => {
  const real = parse(readFileSync('content/taxonomy.yml', 'utf8')) as { qa_topics: { key: string; vi: string; en: string }[] };

  it('refuses two Q&A topics whose English names give one English listing address', () => {
    expect(taxonomySchema.safeParse(real).success).toBe(true);
    const twice = { ...real, qa_topics: [...real.qa_topics, { key: 'bhyt-2', vi: 'Bảo hiểm y tế (2)', en: 'Health  Insurance' }] };
    const result = taxonomySchema.safeParse(twice);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(['qa_topics', real.qa_topics.length, 'en']);
    expect(issue.message).toContain('/en/questions/topic-health-insurance/');
    expect((issue as unknown as { params: { vi: string } }).params.vi).toContain('đặt tên tiếng Anh khác');
  });
});
