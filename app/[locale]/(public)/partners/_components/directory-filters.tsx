import { LocaleLink as Link } from '@/components/locale-link';
import type { Locale } from '@/lib/i18n/routing';
import { MAX_SEARCH_LENGTH } from '@/lib/validation/search-params';
import { DIRECTORY_SORTS, DIRECTORY_YEARS, type DirectoryFilter, type DirectorySort } from '@/lib/validation/directory';

type Options = Array<[value: string, label: string]>;

/**
 * The directory's search and filters as one plain GET form: it works without JavaScript, keeps every choice in the
 * URL and starts again at page 1 (no page field). Labels and option lists come translated from the page.
 */
export function DirectoryFilters(props: {
  filter: DirectoryFilter;
  /** The page's language (the form is rendered in a 'use cache' scope, where the request's is not known). */
  locale: Locale;
  options: { continent: Options; country: Options; type: Options; field: Options };
  labels: {
    form: string;
    q: string;
    qPlaceholder: string;
    continent: string;
    country: string;
    type: string;
    field: string;
    from: string;
    to: string;
    sort: string;
    any: string;
    submit: string;
    clear: string;
    sorts: Record<DirectorySort, string>;
  };
}) {
  const { filter, labels } = props;
  const field = 'w-full min-w-0 rounded border border-slate-400 bg-white px-2 py-1.5';
  const select = (name: 'continent' | 'country' | 'type' | 'field') => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`df-${name}`}>{labels[name]}</label>
      <select id={`df-${name}`} name={name} defaultValue={filter[name] ?? ''} className={field}>
        <option value="">{labels.any}</option>
        {props.options[name].map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
  const year = (name: 'from' | 'to') => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`df-${name}`}>{labels[name]}</label>
      <input
        id={`df-${name}`}
        name={name}
        type="number"
        inputMode="numeric"
        min={DIRECTORY_YEARS.min}
        max={DIRECTORY_YEARS.max}
        defaultValue={filter[name]}
        className={field}
      />
    </div>
  );

  return (
    <form
      method="get"
      role="search"
      // Without this, going Back after a search lets the browser put back what was last typed into the fields,
      // which then differ from the results shown (the address's filter).
      autoComplete="off"
      aria-label={labels.form}
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm lg:grid-cols-4 print:hidden"
    >
      <div className="col-span-2 flex flex-col gap-1">
        <label htmlFor="df-q">{labels.q}</label>
        <input
          id="df-q"
          name="q"
          type="search"
          defaultValue={filter.q}
          placeholder={labels.qPlaceholder}
          maxLength={MAX_SEARCH_LENGTH}
          className={field}
        />
      </div>
      {select('continent')}
      {select('country')}
      {select('type')}
      {select('field')}
      {year('from')}
      {year('to')}
      <div className="flex flex-col gap-1">
        <label htmlFor="df-sort">{labels.sort}</label>
        <select id="df-sort" name="sort" defaultValue={filter.sort} className={field}>
          {DIRECTORY_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {labels.sorts[sort]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2 lg:col-span-3">
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-medium text-white hover:bg-brand-900">
          {labels.submit}
        </button>
        <Link locale={props.locale} href="/partners" className="py-1.5 text-brand-700 underline">
          {labels.clear}
        </Link>
      </div>
    </form>
  );
}
