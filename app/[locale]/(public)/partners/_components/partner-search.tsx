import { Link } from '@/lib/i18n/navigation';

/** A plain GET search form: works without JavaScript and keeps the query in the URL. */
export function PartnerSearch(props: {
  initial: string;
  label: string;
  placeholder: string;
  button: string;
  clear: string;
}) {
  return (
    <form role="search" method="get" className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="partner-q" className="text-sm font-medium">
          {props.label}
        </label>
        <input
          id="partner-q"
          name="q"
          type="search"
          defaultValue={props.initial}
          placeholder={props.placeholder}
          maxLength={100}
          className="w-72 rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">
        {props.button}
      </button>
      {props.initial && (
        <Link href="/partners" className="py-2 text-brand-700 underline">
          {props.clear}
        </Link>
      )}
    </form>
  );
}
