import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, photoFieldsSchema, photoFileProblem, photoTypeOf, safeActivityReturnPath } from './activity-photos';

const bytes = (...b: Array<number | string>) =>
  new Uint8Array(b.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));
const ID = '0b7c8e6a-2f1d-4a3b-9c5e-1d2f3a4b5c6d';

describe('photoTypeOf', () => {
  it.each([
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'), 'image/jpeg'],
    ['PNG', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), 'image/png'],
    ['WebP', bytes('RIFF', 0x24, 0, 0, 0, 'WEBP'), 'image/webp'],
    ['SVG', bytes('<svg xmlns="http'), null],
    ['SVG after an XML declaration', bytes('<?xml version="'), null],
    ['HTML', bytes('<!doctype html>'), null],
    ['a RIFF that is not WebP (WAV)', bytes('RIFF', 0x24, 0, 0, 0, 'WAVE'), null],
    ['GIF', bytes('GIF89a', 0, 0, 0, 0, 0, 0), null],
    ['a PDF', bytes('%PDF-1.7', 0, 0, 0, 0), null],
    ['nothing', bytes(), null],
  ])('%s', (_what, head, type) => {
    expect(photoTypeOf(head)).toBe(type);
  });
});

describe('photoFileProblem', () => {
  const png = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a);
  it.each([
    [{ size: 1000, head: png }, null],
    [{ size: MAX_PHOTO_BYTES, head: png }, null],
    [{ size: MAX_PHOTO_BYTES + 1, head: png }, 'activityPhotos.tooLarge'],
    [{ size: 11 * 1024 * 1024, head: bytes('hello') }, 'activityPhotos.tooLarge'],
    [{ size: 0, head: bytes() }, 'activityPhotos.empty'],
    [{ size: 100, head: bytes('<svg') }, 'activityPhotos.notImage'],
  ])('%o gives %s', (file, problem) => {
    expect(photoFileProblem(file)).toBe(problem);
  });
});

describe('photoFieldsSchema', () => {
  it('trims captions, makes empty ones null and reads the checkbox', () => {
    expect(photoFieldsSchema.parse({ activityId: ID, captionEn: '  Masks  ', captionZh: '', isPublic: 'on' })).toEqual({
      activityId: ID,
      captionEn: 'Masks',
      captionZh: null,
      isPublic: true,
      returnTo: undefined,
    });
  });
  it('refuses a caption over 300 characters with its own message, and a bad id', () => {
    expect(photoFieldsSchema.safeParse({ activityId: ID, captionEn: 'x'.repeat(301) }).error?.issues[0]?.message).toBe('activityPhotos.captionEnTooLong');
    expect(photoFieldsSchema.safeParse({ activityId: ID, captionZh: '长'.repeat(300) }).success).toBe(true);
    expect(photoFieldsSchema.safeParse({ activityId: 'nope' }).success).toBe(false);
  });
});

describe('safeActivityReturnPath', () => {
  it.each([
    [`/activities/${ID}`, `/activities/${ID}`],
    [`/zh/activities/${ID}/edit`, `/zh/activities/${ID}/edit`],
    [`/activities/0b7c8e6a-2f1d-4a3b-9c5e-1d2f3a4b5c6e`, null],
    ['https://evil.example/', null],
    [`//evil.example/activities/${ID}`, null],
    [`/activities/${ID}//evil`, null],
    ['/admin/users', null],
    [42, null],
  ])('%s gives %s', (value, expected) => {
    expect(safeActivityReturnPath(value, ID)).toBe(expected);
  });
});
