import { getTranslations } from 'next-intl/server';
import type { PublishedTotalRow, RegistryFigures } from '@/db/queries/published-totals';
import { PUBLISHED_COUNT_FIELDS } from '@/lib/validation/published-totals';

const cell = 'py-1 pr-3 text-right tabular-nums sm:pr-6';
const head = 'py-1 pr-3 font-semibold sm:pr-6';

/**
 * The figures an announcement gives (a figure it does not give has no row), each beside the registry's on that date
 * and the difference, registry less announced, when `registry` is given; a shortfall stands out. Server-rendered.
 */
export async function FiguresTable(props: { row: PublishedTotalRow; registry: RegistryFigures | null; date: string; languageTag: string }) {
  const { row, registry } = props;
  const t = await getTranslations('publishedTotals');
  const number = new Intl.NumberFormat(props.languageTag);
  const signed = new Intl.NumberFormat(props.languageTag, { signDisplay: 'exceptZero' });
  const given = PUBLISHED_COUNT_FIELDS.flatMap((f) => (row[f] === null ? [] : [[f, row[f]] as const]));
  return (
    // A keyboard user can scroll a table wider than a phone: the box takes focus and is named after the table.
    <div tabIndex={0} role="region" aria-label={t('figuresCaption', { date: props.date })} className="max-w-full overflow-x-auto">
      <table className="text-sm">
        <caption className="sr-only">{t('figuresCaption', { date: props.date })}</caption>
        <thead className="text-slate-700">
          <tr>
            <th scope="col" className={`${head} text-left`}>{t('colFigure')}</th>
            <th scope="col" className={`${head} text-right`}>{t('colAnnounced')}</th>
            {registry && <th scope="col" className={`${head} text-right`}>{t('colRegistry')}</th>}
            {registry && <th scope="col" className={`${head} text-right`}>{t('colDifference')}</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {given.map(([f, announced]) => (
            <tr key={f}>
              <th scope="row" className="py-1 pr-3 text-left font-normal sm:pr-6">{t(f)}</th>
              <td className={cell}>{number.format(announced)}</td>
              {registry && <td className={cell}>{number.format(registry[f])}</td>}
              {registry && <td className={`${cell} ${registry[f] < announced ? 'font-semibold text-red-800' : ''}`}>{signed.format(registry[f] - announced)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {registry && !registry.current && registry.undated > 0 && <p className="mt-2 text-sm text-slate-600">{t('undated', { count: registry.undated })}</p>}
    </div>
  );
}
