import type { Metadata } from 'next';
import { Table } from '@/components/ui/table';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listAuditEvents, listAuditRecordTypes } from '@/db/queries/audit';
import { requireCapability } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import { auditFilterSchema } from '@/lib/validation/audit';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function summary(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}

/**
 * The page of an audited record, when it has one: a partnership, a locality, an activity, or an agreement (on its
 * partnership, named in the audit snapshot). Null for users, sessions and settings, which the audit trail names only.
 */
function recordHref(entityType: string, entityId: string, snapshot: unknown): string | null {
  const partnershipId = (snapshot as { partnershipId?: unknown } | null)?.partnershipId;
  switch (entityType) {
    case 'partnership':
      return `/partnerships/${entityId}`;
    case 'locality':
      return `/localities/${entityId}`;
    case 'activity':
      return `/activities/${entityId}`;
    case 'agreement':
      return typeof partnershipId === 'string' ? `/partnerships/${partnershipId}/agreements/${entityId}` : null;
    case 'import':
      return `/partnerships/import/${entityId}`;
    case 'published_total':
      // Announcements have no page of their own: the list shows each one (the deleted ones under ?deleted=1).
      return '/dashboard/announcements';
    default:
      return null;
  }
}

export default async function AuditPage({ searchParams }: Props) {
  await requireCapability('audit:read', '/admin/audit');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = auditFilterSchema.parse(raw);
  const [{ rows, hasOlder }, types, t, tAction, tRecord, format] = await Promise.all([
    listAuditEvents(filter),
    listAuditRecordTypes(),
    getTranslations('audit'),
    getTranslations('auditActions'),
    getTranslations('auditRecords'),
    getFormatter(),
  ]);
  // Codes without a label yet (added by later features) still show, as their code.
  const actionLabel = (code: string) => {
    const key = code.replace(/\./g, '__');
    return tAction.has(key as never) ? tAction(key as never) : code;
  };
  const recordLabel = (code: string) => (tRecord.has(code as never) ? tRecord(code as never) : code);
  const query = (page: number) => ({
    ...Object.fromEntries(Object.entries(filter).filter(([k, v]) => k !== 'page' && v !== undefined)),
    page: String(page),
  });
  const field = 'rounded border border-slate-400 px-2 py-1';
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t('title')}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
        <div className="flex flex-col gap-1">
          <label htmlFor="f-user">{t('filterUser')}</label>
          <input id="f-user" name="user" defaultValue={filter.user} className={field} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-action">{t('filterAction')}</label>
          <input id="f-action" name="action" defaultValue={filter.action} className={field} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-record">{t('filterRecord')}</label>
          <select id="f-record" name="record" defaultValue={filter.record ?? ''} className={field}>
            <option value="">–</option>
            {types.map((ty) => (
              <option key={ty} value={ty}>{recordLabel(ty)}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-record-id">{t('filterRecordId')}</label>
          <input id="f-record-id" name="recordId" defaultValue={filter.recordId} className={`${field} font-mono`} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-from">{t('filterFrom')}</label>
          <input id="f-from" name="from" type="date" defaultValue={filter.from} className={field} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-to">{t('filterTo')}</label>
          <input id="f-to" name="to" type="date" defaultValue={filter.to} className={field} />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-900">{t('filter')}</button>
        <Link href="/admin/audit" className="py-1.5 text-brand-700 underline">{t('clear')}</Link>
      </form>
      {rows.length === 0 ? (
        <p role="status">{t('empty')}</p>
      ) : (
        <Table caption={t('tableCaption')} columns={[t('when'), t('who'), t('action'), t('record'), t('details')]}>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                {format.dateTime(r.occurredAt, { dateStyle: 'short', timeStyle: 'medium' })}
              </td>
              <td className="px-3 py-2">{r.actorEmail ?? t('system')}</td>
              <td className="px-3 py-2">
                {actionLabel(r.action)}
                <span className="block font-mono text-xs text-slate-600">{r.action}</span>
              </td>
              <td className="px-3 py-2">
                {recordLabel(r.entityType)}
                {r.entityId && (
                  <Link
                    href={{ pathname: '/admin/audit', query: { record: r.entityType, recordId: r.entityId } }}
                    className="block font-mono text-xs text-brand-700 underline"
                    aria-label={t('historyOf', { id: r.entityId })}
                  >
                    {r.entityId}
                  </Link>
                )}
                {r.entityId && recordHref(r.entityType, r.entityId, r.after ?? r.before) && (
                  <Link href={recordHref(r.entityType, r.entityId, r.after ?? r.before)!} className="block text-xs text-brand-700 underline">
                    {t('openRecord')}
                  </Link>
                )}
              </td>
              <td className="max-w-md break-all px-3 py-2 font-mono text-xs text-slate-700">
                {summary(r.before) && <span className="block">− {summary(r.before)}</span>}
                {summary(r.after) && <span className="block">+ {summary(r.after)}</span>}
                {r.ip && <span className="block text-slate-600">{r.ip}</span>}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <nav aria-label={t('pagination')} className="flex items-center gap-4 text-sm">
        {filter.page > 1 && (
          <Link href={{ pathname: '/admin/audit', query: query(filter.page - 1) }} className="text-brand-700 underline">
            {t('previous')}
          </Link>
        )}
        <span>{t('page', { page: filter.page })}</span>
        {hasOlder && (
          <Link href={{ pathname: '/admin/audit', query: query(filter.page + 1) }} className="text-brand-700 underline">
            {t('next')}
          </Link>
        )}
      </nav>
    </div>
  );
}
