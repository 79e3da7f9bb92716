import { describe, expect, it } from 'vitest';
import { formFields } from './form-data';

describe('formFields', () => {
  it('reads a FormData, the last value of a repeated name winning', () => {
    const fd = new FormData();
    fd.append('email', 'a@b.c');
    fd.append('flag', 'false');
    fd.append('flag', 'true');
    expect(formFields(fd)).toEqual({ email: 'a@b.c', flag: 'true' });
  });

  it.each([undefined, null, 'x', 42, ['email', 'a'], { email: 'a@b.c' }])('gives {} for a forged payload %j', (payload) => {
    expect(formFields(payload)).toEqual({});
  });
});

describe('formFields with lists', () => {
  it('gives every value of a list field, and [] when none was sent', () => {
    const fd = new FormData();
    fd.append('fields', 'trade');
    fd.append('fields', 'culture');
    expect(formFields(fd, ['fields', 'other'])).toEqual({ fields: ['trade', 'culture'], other: [] });
  });
});

describe('formFields cleans text', () => {
  it('drops NUL and other control characters, keeps tabs and line breaks', () => {
    const fd = new FormData();
    fd.append('notes', 'a\u0000b\u001bc\td\r\ne\u007f');
    fd.append('fields', 'tr\u0000ade');
    expect(formFields(fd, ['fields'])).toEqual({ notes: 'abc\td\r\ne', fields: ['trade'] });
  });
});
