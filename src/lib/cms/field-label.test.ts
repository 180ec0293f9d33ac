import { describe, expect, it } from 'vitest';
import { documentsSchema, pagesSchema } from '../schema/collections.ts';
import { fieldLabel } from './field-label.ts';

describe('fieldLabel: the label the CMS shows for a field path', () => {
  it('names a top-level field by its label in both languages', () => {
    expect(fieldLabel(pagesSchema, 'title')).toEqual({ vi: 'Tiêu đề', en: 'Title' });
  });

  it('names nested fields step by step, and a list item by its number from 1', () => {
    expect(fieldLabel(documentsSchema, 'signer.name')).toEqual({ vi: 'Người ký › Họ tên người ký', en: 'Signer › Signer’s name' });
    expect(fieldLabel(documentsSchema, 'attachments.0.title')).toEqual({ vi: 'Tệp đính kèm thứ 1 › Tên tệp đính kèm', en: 'Attachments no. 1 › Attachment title' });
    // As the content check names it (zod-messages fieldPath): the list item in brackets.
    expect(fieldLabel(documentsSchema, 'attachments[0].title')).toEqual({ vi: 'Tệp đính kèm thứ 1 › Tên tệp đính kèm', en: 'Attachments no. 1 › Attachment title' });
  });

  it('is undefined for a path outside the schema', () => {
    expect(fieldLabel(pagesSchema, 'nothing')).toBeUndefined();
    expect(fieldLabel(pagesSchema, 'title.0')).toBeUndefined();
  });
});
