import { getTranslations } from 'next-intl/server';
import { DORMANT_YEARS, EARLIEST_AS_OF, type DashboardQueryErrors } from '@/lib/validation/dashboard';

/**
 * The dashboard's "as of" date and dormancy threshold as a plain GET form (it works without JavaScript and keeps
 * both in the URL). `given` is what the address held, shown back as typed; `errors` are catalogue keys of the
 * `dashboard` namespace, shown beside their fields.
 */
export async function AsOfForm(props: { today: string; given: { asOf: string; dormant: string }; errors: DashboardQueryErrors; asOf: string; dormantYears: number }) {
  const t = await getTranslations('dashboard');
  const field = 'rounded border border-slate-400 bg-white px-2 py-1.5 aria-[invalid=true]:border-red-700';
  const error = (name: keyof DashboardQueryErrors) =>
    props.errors[name] ? (
      <p id={`dashboard-${name}-error`} className="text-sm text-red-800">
        {t(props.errors[name], { max: DORMANT_YEARS.max, min: DORMANT_YEARS.min, today: props.today })}
      </p>
    ) : null;
  return (
    <form method="get" aria-label={t('asOfForm')} className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-slate-50 p-4 print:hidden">
      <div className="flex max-w-64 flex-col gap-1">
        <label htmlFor="dashboard-asOf">{t('asOfLabel')}</label>
        <input
          id="dashboard-asOf"
          name="asOf"
          type="date"
          min={EARLIEST_AS_OF}
          max={props.today}
          defaultValue={props.errors.asOf ? props.given.asOf : props.asOf === props.today ? '' : props.asOf}
          aria-invalid={props.errors.asOf ? true : undefined}
          aria-describedby={props.errors.asOf ? 'dashboard-asOf-error' : 'dashboard-asOf-hint'}
          className={field}
        />
        {error('asOf') ?? (
          <p id="dashboard-asOf-hint" className="text-sm text-slate-600">
            {t('asOfHint')}
          </p>
        )}
      </div>
      <div className="flex max-w-64 flex-col gap-1">
        <label htmlFor="dashboard-dormant">{t('dormantLabel')}</label>
        <input
          id="dashboard-dormant"
          name="dormant"
          type="number"
          inputMode="numeric"
          min={DORMANT_YEARS.min}
          max={DORMANT_YEARS.max}
          defaultValue={props.errors.dormant ? props.given.dormant : props.dormantYears}
          aria-invalid={props.errors.dormant ? true : undefined}
          aria-describedby={props.errors.dormant ? 'dashboard-dormant-error' : 'dashboard-dormant-hint'}
          className={`${field} w-24`}
        />
        {error('dormant') ?? (
          <p id="dashboard-dormant-hint" className="text-sm text-slate-600">
            {t('dormantHint')}
          </p>
        )}
      </div>
      <div className="flex items-center gap-4 self-start pt-7">
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-medium text-white hover:bg-brand-900">
          {t('show')}
        </button>
      </div>
    </form>
  );
}
