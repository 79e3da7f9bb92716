import { describe, expect, it } from 'vitest';
import { ERROR_PAGE_TEXT } from './error-page-text';
import en from './messages/en.json';
import zh from './messages/zh.json';

describe('the error boundary words', () => {
  it('are the catalogue words, in both languages', () => {
    for (const [locale, catalogue] of [['en', en], ['zh', zh]] as const) {
      const { title, body, retry } = catalogue.errors;
      expect(ERROR_PAGE_TEXT[locale]).toEqual({ title, body, retry });
    }
  });
});
