import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Table } from '@/components/ui/table';
import { IMPORT_LIMIT_VALUES } from '@/db/imports/lib';
import { listRecentImports } from '@/db/queries/imports';
import { requireCapability } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('imports'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** /partnerships/import: the upload form (posting to /uploads/import, app/uploads/import/route.ts) and the latest imports. */
export default async function ImportPage({ searchParams }: Props) {
  await requireCapability('registry:write', '/partnerships/import');
  const params = await searchParams;
  const [recent, t, tAll, format, locale] = await Promise.all([listRecentImports(), getTranslations('imports'), getTranslations(), getFormatter(), getLocale()]);
  const rawError = typeof params.error === 'string' ? params.error : null;
  // Only the upload's own keys: the query string is the user's to change.
  const error = rawError && /^imports\.[A-Za-z_]+$/.test(rawError) && tAll.has(rawError as never) ? rawError : rawError ? 'imports.file_unreadable' : null;
  const { mb } = IMPORT_LIMIT_VALUES;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/partnerships" className="text-brand-700 underline">{t('back')}</Link>
        </p>
        <h1 className="text-3xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="max-w-3xl text-slate-600">{t('intro')}</p>
      </div>
      {params.done === 'discarded' && <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('discarded')}</p>}
      <form action="/uploads/import" method="post" encType="multipart/form-data" className="max-w-xl space-y-3 rounded-lg border border-slate-200 p-4">
        <input type="hidden" name="locale" value={locale} />
        <div className="flex flex-col gap-1">
          <label htmlFor="import-file" className="font-medium">{t('file')}</label>
          <p id="import-file-hint" className="text-sm text-slate-600">{t('fileHint', { mb })}</p>
          <input
            id="import-file"
            name="file"
            type="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={error ? true : undefined}
            aria-describedby={`import-file-hint${error ? ' import-file-error' : ''}`}
            className="text-sm"
          />
          {error && (
            <p id="import-file-error" role="alert" className="text-sm text-red-700">{tAll(error as never, IMPORT_LIMIT_VALUES as never)}</p>
          )}
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">{t('upload')}</button>
      </form>
      <section aria-labelledby="recent-heading" className="space-y-2">
        <h2 id="recent-heading" className="text-xl font-semibold">{t('recent')}</h2>
        {recent.length === 0 ? (
          <p className="text-slate-600">{t('noneYet')}</p>
        ) : (
          <Table caption={t('recent')} columns={[t('fileName'), t('statusColumn'), t('rows'), t('uploaded')]}>
            {recent.map((r) => (
              <tr key={r.id}>
                <td className="px-3 py-2">
                  <Link href={`/partnerships/import/${r.id}`} className="text-brand-700 underline">{r.fileName}</Link>
                </td>
                <td className="px-3 py-2">{t(`status_${r.status}`)}</td>
                <td className="px-3 py-2">{r.rowsTotal}</td>
                <td className="px-3 py-2">
                  {format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  {r.createdByEmail ? ` · ${r.createdByEmail}` : ''}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </div>
  );
}
