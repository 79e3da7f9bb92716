import { defineRouting } from 'next-intl/routing';

/** English at the root (/partners), Chinese under /zh (/zh/partners); no guessing from the browser. */
export const routing = defineRouting({
  locales: ['en', 'zh'],
  defaultLocale: 'en',
  localePrefix: 'as-needed',
  localeDetection: false,
  localeCookie: false,
  // No hreflang Link header: it repeats the URL three times in every response, and a long URL then overflows a
  // reverse proxy's header buffer (nginx answers 502). Pages can name their alternates in their metadata.
  alternateLinks: false,
});

export type Locale = (typeof routing.locales)[number];

/** The BCP 47 tag for <html lang> and Intl formatters. */
export const LANGUAGE_TAG: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };

/** Whether a path segment names one of the locales (next-intl's hasLocale, without importing 'next-intl' into pages). */
export function isLocale(value: string | undefined): value is Locale {
  return (routing.locales as readonly string[]).includes(value ?? '');
}
