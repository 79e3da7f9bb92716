import { describe, expect, it } from 'vitest';
import { PARTNERSHIP_TYPES } from '../domain';
import en from './messages/en.json';
import zh from './messages/zh.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('message catalogues', () => {
  it('have the same keys in English and Chinese', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it('have no empty strings', () => {
    for (const catalogue of [en, zh]) {
      for (const key of keys(catalogue)) {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogue);
        expect(value, key).toMatch(/\S/);
      }
    }
  });

  it('label every partnership type', () => {
    expect(Object.keys(en.partnershipType).sort()).toEqual([...PARTNERSHIP_TYPES].sort());
  });
});
