import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DeleteDisclosure } from '@/components/forms/soft-delete';
import { Pagination } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { IMPORT_ENCODINGS, IMPORT_FIELDS, IMPORT_LIMIT_VALUES } from '@/db/imports/lib';
import { getImport, listImportRows } from '@/db/queries/imports';
import { IMPORT_ROWS_PAGE_SIZE } from '@/db/queries/imports-core';
import { requireCapability } from '@/lib/auth/guards';
import { IMPORT_BUSY, IMPORT_ROW_CLASSES, importStalled } from '@/lib/import-domain';
import { Link } from '@/lib/i18n/navigation';
import { can } from '@/lib/permissions';
import { importRowsFilterSchema } from '@/lib/validation/imports';
import { commitImportAction, chooseReadingAction, decideDuplicateAction, discardImportAction } from '../actions';
import { AutoRefresh } from '../_components/auto-refresh';
import { ImportButton } from '../_components/import-button';
import { ReadingForm } from '../_components/reading-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('imports'))('previewTitle') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const CLASS_TONE: Record<string, string> = {
  new: 'bg-emerald-50 text-emerald-900',
  update: 'bg-sky-50 text-sky-900',
  unchanged: 'bg-slate-100 text-slate-800',
  duplicate: 'bg-amber-50 text-amber-900',
  error: 'bg-red-50 text-red-900',
};

/** The fields whose values name a row in the preview table, first found first. */
const NAME_FIELDS = ['partner_en', 'partner_zh'];

/**
 * /partnerships/import/[id]: one import. While its preview or commit runs, its progress (the page refreshes itself
 * every two seconds, and offers a link to check, for browsers that ignore the refresh); once previewed, how it is
 * read (encoding or sheet, the column mapping), its rows by class with what each update changes, the decision on
 * each possible duplicate, and Commit; once committed, what was written.
 */
export default async function ImportPreviewPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireCapability('registry:write', `/partnerships/import/${id}`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const imp = await getImport(id);
  if (!imp) notFound();
  const filter = importRowsFilterSchema.parse(await searchParams);
  const [{ rows, total }, t, tAll, format] = await Promise.all([
    imp.status === 'previewed' ? listImportRows(imp, filter) : Promise.resolve({ rows: [], total: 0 }),
    getTranslations('imports'),
    getTranslations(),
    getFormatter(),
  ]);
  const stalled = importStalled(imp);
  const busy = IMPORT_BUSY.includes(imp.status) && !stalled;
  const message = (key: string | null, values?: Record<string, string | number>) =>
    key ? (tAll.has(key as never) ? tAll(key as never, values as never) : key) : '';
  const fieldLabel = (f: string) => (t.has(`field_${f}` as never) ? t(`field_${f}` as never) : f);
  const pages = Math.max(1, Math.ceil(total / IMPORT_ROWS_PAGE_SIZE));
  const counts = imp.counts;
  const toWrite = counts ? counts.new + counts.update : 0;
  const self = `/partnerships/import/${imp.id}`;
  const query = (change: Record<string, string | number | undefined>) => {
    const merged: Record<string, string | number | undefined> = { class: filter.class, page: filter.page, ...change };
    return Object.fromEntries(Object.entries(merged).filter(([k, v]) => v !== undefined && !(k === 'page' && v === 1)).map(([k, v]) => [k, String(v)]));
  };
  const back = new URLSearchParams(query({})).toString();

  return (
    <div className="space-y-6">
      {busy && (
        <>
          <noscript>
            <meta httpEquiv="refresh" content="2" />
          </noscript>
          <AutoRefresh seconds={2} />
        </>
      )}
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/partnerships/import" className="text-brand-700 underline">{t('backToImports')}</Link>
        </p>
        <h1 className="text-3xl font-semibold tracking-tight">{t('previewTitle')}</h1>
        <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">{t('fileName')}</dt>
          <dd>{imp.fileName}</dd>
          <dt className="font-medium">{t('kind')}</dt>
          <dd>{imp.kind.toUpperCase()}{imp.encoding ? ` · ${imp.encoding}` : ''}{imp.sheet ? ` · ${imp.sheet}` : ''} · {format.number(imp.byteSize)} B</dd>
          <dt className="font-medium">{t('statusColumn')}</dt>
          <dd>{t(`status_${imp.status}`)}</dd>
          <dt className="font-medium">{t('uploaded')}</dt>
          <dd>{format.dateTime(imp.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}{imp.createdByEmail ? ` · ${imp.createdByEmail}` : ''}</dd>
        </dl>
      </div>

      {stalled && (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('stalled')}</p>
      )}

      {imp.error && (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">{message(imp.error, IMPORT_LIMIT_VALUES)}</p>
      )}

      {busy && (
        <section aria-labelledby="progress-heading" className="space-y-2 rounded-lg border border-slate-200 p-4">
          <h2 id="progress-heading" className="text-xl font-semibold">{imp.status === 'committing' ? t('committing') : t('previewing')}</h2>
          <label htmlFor="import-progress" className="text-sm">{t('progress', { done: imp.rowsProcessed, total: imp.rowsTotal })}</label>
          <progress id="import-progress" max={Math.max(1, imp.rowsTotal)} value={imp.rowsProcessed} className="block w-full max-w-xl" />
          <p className="text-sm">
            <Link href={self} className="text-brand-700 underline">{t('checkProgress')}</Link>
          </p>
        </section>
      )}

      {imp.status === 'committed' && (
        <section aria-labelledby="done-heading" className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4">
          <h2 id="done-heading" className="text-xl font-semibold">{t('committedHeading')}</h2>
          <p role="status">{t('committedBody', { when: format.dateTime(imp.committedAt ?? imp.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
          <p className="flex gap-4 text-sm">
            <Link href="/partnerships" className="text-brand-700 underline">{t('toPartnerships')}</Link>
            {can(user.role, 'audit:read') && (
              <Link href={{ pathname: '/admin/audit', query: { record: 'import', recordId: imp.id } }} className="text-brand-700 underline">{t('toAudit')}</Link>
            )}
          </p>
        </section>
      )}

      {(imp.status === 'previewed' || imp.status === 'failed' || stalled) && (
        <ReadingForm
          action={chooseReadingAction}
          id={imp.id}
          version={imp.version}
          kind={imp.kind}
          encoding={imp.encoding}
          detectedEncoding={imp.detectedEncoding}
          encodings={IMPORT_ENCODINGS}
          sheet={imp.sheet}
          sheets={imp.sheets}
          header={imp.header}
          mapping={imp.mapping}
          fields={IMPORT_FIELDS.map((f) => [f, fieldLabel(f)])}
        />
      )}

      {imp.status === 'previewed' && counts && (
        <section aria-labelledby="preview-heading" className="space-y-3">
          <h2 id="preview-heading" className="text-xl font-semibold">{t('previewHeading')}</h2>
          <nav aria-label={t('filterLabel')} className="flex flex-wrap gap-2 text-sm">
            <Link href={{ pathname: self, query: {} }} aria-current={!filter.class ? 'page' : undefined} className="rounded border border-slate-300 px-2 py-1 aria-[current=page]:bg-slate-800 aria-[current=page]:text-white">
              {t('all', { n: imp.rowsTotal })}
            </Link>
            {IMPORT_ROW_CLASSES.map((c) => (
              <Link key={c} href={{ pathname: self, query: { class: c } }} aria-current={filter.class === c ? 'page' : undefined} className="rounded border border-slate-300 px-2 py-1 aria-[current=page]:bg-slate-800 aria-[current=page]:text-white">
                {t('classCount', { label: t(`class_${c}`), n: counts[c] })}
              </Link>
            ))}
          </nav>
          <Table caption={t('previewHeading')} columns={[t('rowNumber'), t('classColumn'), t('partnerColumn'), t('details')]}>
            {rows.map((r) => {
              const name = NAME_FIELDS.map((f) => r.values[f]).filter(Boolean).join(' · ') || Object.values(r.values).slice(0, 2).join(' · ');
              return (
                <tr key={r.rowNumber}>
                  <td className="px-3 py-2 tabular-nums">{r.rowNumber}</td>
                  <td className="px-3 py-2">
                    <span className={`rounded px-2 py-0.5 text-xs font-medium ${CLASS_TONE[r.class]}`}>{t(`class_${r.class}`)}</span>
                  </td>
                  <td className="px-3 py-2">
                    <span className="font-medium">{name}</span>
                    <span className="block text-xs text-slate-600">
                      {Object.entries(r.values).filter(([f]) => !NAME_FIELDS.includes(f)).slice(0, 4).map(([f, v]) => `${fieldLabel(f)}: ${v}`).join(' · ')}
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    {r.class === 'error' && <span className="text-red-800">{message(r.error)}</span>}
                    {r.class === 'update' && r.changes && (
                      <ul className="space-y-0.5">
                        {Object.entries(r.changes).map(([f, [before, after]]) => (
                          <li key={f}>
                            {t.has(`change_${f}` as never) ? t(`change_${f}` as never) : f}: <del>{before ?? t('blank')}</del> → <ins className="no-underline font-medium">{after ?? t('blank')}</ins>
                          </li>
                        ))}
                      </ul>
                    )}
                    {r.class === 'duplicate' && (
                      <div className="space-y-2">
                        <p>{t('nearMatch', { name: r.nearMatch ?? '' })}</p>
                        <p className="font-medium">{r.decision === 'accept' ? t('decisionAccept') : t('decisionSkip')}</p>
                        <div className="flex flex-wrap gap-2">
                          {r.decision !== 'accept' && (
                            <ImportButton action={decideDuplicateAction} tone="plain" fields={{ id: imp.id, version: imp.version, rowNumber: r.rowNumber, decision: 'accept', back }} label={t('accept')} ariaLabel={t('acceptRow', { n: r.rowNumber })} />
                          )}
                          {r.decision === 'accept' && (
                            <ImportButton action={decideDuplicateAction} tone="plain" fields={{ id: imp.id, version: imp.version, rowNumber: r.rowNumber, decision: 'skip', back }} label={t('skip')} ariaLabel={t('skipRow', { n: r.rowNumber })} />
                          )}
                        </div>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </Table>
          <Pagination
            page={filter.page}
            pages={pages}
            hrefOf={(page) => ({ pathname: self, query: query({ page }) })}
            labels={{ nav: t('pagination'), previous: t('previous'), next: t('next'), current: t('page', { page: filter.page, pages }) }}
          />
          <div className="space-y-3 rounded-lg border border-slate-200 p-4">
            <p>{t('commitSummary', { created: counts.new, updated: counts.update, unchanged: counts.unchanged, duplicates: counts.duplicate, errors: counts.error })}</p>
            {toWrite + counts.duplicate > 0 ? (
              <ImportButton action={commitImportAction} fields={{ id: imp.id, version: imp.version }} label={t('commit')} />
            ) : (
              <p className="text-slate-700">{t('nothingToCommit')}</p>
            )}
          </div>
        </section>
      )}

      {(['previewed', 'failed', 'previewing'].includes(imp.status) || stalled) && (
        <DeleteDisclosure action={discardImportAction} fields={{ id: imp.id, version: imp.version }} label={t('discard')} hint={t('discardHint')} confirm={t('discardConfirm')} boxed />
      )}
    </div>
  );
}
