import type { Locale } from './routing';

/**
 * The error boundary's words in each language: the catalogue's errors.title, errors.body and errors.retry, copied
 * here so that the boundary needs no catalogue in the browser (error-page-text.test.ts keeps the two equal).
 */
export const ERROR_PAGE_TEXT: Record<Locale, { title: string; body: string; retry: string }> = {
  en: { title: 'Something went wrong', body: 'The page could not be shown. Please try again in a moment.', retry: 'Try again' },
  zh: { title: '出错了', body: '页面暂时无法显示，请稍后再试。', retry: '重试' },
};
