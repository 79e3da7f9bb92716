import type { Locale } from '@/lib/i18n/routing';
import { LocaleLink as Link } from '../locale-link';

/**
 * Previous and next links of a paginated list, with "page n of m" between (the current page announced as such);
 * nothing when there is one page. `hrefOf(page)` gives the list's URL for a page, its filters kept. Labels come
 * translated from the page.
 */
export function Pagination(props: {
  page: number;
  pages: number;
  hrefOf: (page: number) => { pathname: string; query: Record<string, string> };
  labels: { nav: string; previous: string; next: string; current: string };
  /** The page's language, where the request's is not known (in a 'use cache' scope). */
  locale?: Locale;
}) {
  if (props.pages <= 1) return null;
  return (
    <nav aria-label={props.labels.nav} className="flex items-center gap-4 text-sm">
      {props.page > 1 && (
        <Link locale={props.locale} href={props.hrefOf(props.page - 1)} className="text-brand-700 underline">
          {props.labels.previous}
        </Link>
      )}
      <span aria-current="page">{props.labels.current}</span>
      {props.page < props.pages && (
        <Link locale={props.locale} href={props.hrefOf(props.page + 1)} className="text-brand-700 underline">
          {props.labels.next}
        </Link>
      )}
    </nav>
  );
}
