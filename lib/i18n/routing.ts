import { defineRouting } from 'next-intl/routing';

/** English at the root (/partners), Chinese under /zh (/zh/partners); no guessing from the browser. */
export const routing = defineRouting({
  locales: ['en', 'zh'],
  defaultLocale: 'en',
  localePrefix: 'as-needed',
  localeDetection: false,
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];

/** The BCP 47 tag for <html lang> and Intl formatters. */
export const LANGUAGE_TAG: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };
