import NextLink from 'next/link';
import { getLocale } from 'next-intl/server';
import type { ComponentProps } from 'react';
import { type Href, localizedHref } from '@/lib/i18n/paths';
import type { Locale } from '@/lib/i18n/routing';

/**
 * A link for server components: `href` is written without the /zh prefix (as for next-intl's Link) and gets the
 * page's locale here, on the server; the browser gets a plain next/link. Public pages use it instead of
 * next-intl's Link (and import nothing from lib/i18n/navigation): its client half needs the message catalogue's
 * provider and brings about 12 KB of compressed JavaScript (use-intl's message formatting) to pages that format
 * nothing in the browser. Give `locale` where the request's is not known: in a 'use cache' scope.
 */
export async function LocaleLink({ href, locale: given, ...rest }: Omit<ComponentProps<typeof NextLink>, 'href'> & { href: Href; locale?: Locale }) {
  const locale = given ?? ((await getLocale()) as Locale);
  return <NextLink href={localizedHref(locale, href)} {...rest} />;
}
