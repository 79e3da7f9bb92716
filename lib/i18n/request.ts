import { getRequestConfig } from 'next-intl/server';
import { isLocale, routing } from './routing';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    // The office works on Guangzhou time; dates of record are calendar dates and are not shifted.
    timeZone: process.env.AMITY_TIME_ZONE || 'Asia/Shanghai',
  };
});
