import { getFormatter, getTranslations } from 'next-intl/server';
import { FileUploadForm, type FileOwnerRef } from '@/components/forms/file-upload-form';
import type { FileListRow } from '@/db/queries/files';
import { DeleteFile, FileVisibility, RestoreFile } from './file-buttons';

/**
 * The signed files of one agreement or lifecycle step: each with its size, who uploaded it and when, public or
 * internal, a download link; a delete button for editors, the deleted ones marked with a restore button for admins
 * (who get them from listPartnershipFiles); and the upload form for editors. `returnTo` is the page it is on.
 */
export async function SignedFiles(props: {
  partnershipId: string;
  owner: FileOwnerRef;
  files: FileListRow[];
  returnTo: string;
  canWrite: boolean;
  canRestore: boolean;
  headingLevel?: 2 | 3;
}) {
  const [t, format] = await Promise.all([getTranslations('files'), getFormatter()]);
  const size = (bytes: number) =>
    bytes < 1024 * 1024 ? `${format.number(Math.max(1, Math.round(bytes / 1024)))} KB` : `${format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const ownerId = 'agreementId' in props.owner ? props.owner.agreementId : props.owner.statusEventId;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const headingId = `files-heading-${ownerId}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <Heading id={headingId} className={props.headingLevel === 3 ? 'font-semibold' : 'text-xl font-semibold'}>{t('title')}</Heading>
      {props.files.length === 0 ? (
        <p className="text-sm text-slate-600">{t('none')}</p>
      ) : (
        <ul className="space-y-2">
          {props.files.map((f) => {
            const buttons = { id: f.id, partnershipId: props.partnershipId, returnTo: props.returnTo, name: f.fileName };
            return (
              <li key={f.id} className={`rounded border p-3 text-sm ${f.deletedAt ? 'border-amber-300 bg-amber-50' : 'border-slate-200'}`}>
                <div className="flex flex-wrap items-baseline gap-2">
                  {f.deletedAt ? (
                    <span className="font-medium line-through">{f.fileName} ({size(f.byteSize)})</span>
                  ) : (
                    <a href={`/partnerships/${props.partnershipId}/files/${f.id}`} download className="text-brand-700 underline">
                      {t('download', { name: f.fileName, size: size(f.byteSize) })}
                    </a>
                  )}
                  <span className="rounded bg-slate-100 px-2 text-xs">{f.isPublic ? t('public') : t('internal')}</span>
                  {f.deletedAt && <span className="rounded bg-amber-200 px-2 text-xs text-amber-950">{t('deleted')}</span>}
                </div>
                <p className="text-xs text-slate-600">
                  {f.uploadedBy ? t('uploadedBy', { name: f.uploadedBy, date: when(f.uploadedAt) }) : t('uploadedOn', { date: when(f.uploadedAt) })}
                  {f.deletedAt && <> · {t('deletedBy', { name: f.deletedBy ?? '–', date: when(f.deletedAt) })}</>}
                </p>
                <div className="mt-1">
                  {!f.deletedAt && props.canWrite && (
                    <div className="flex flex-wrap items-start gap-4">
                      <FileVisibility {...buttons} isPublic={f.isPublic} />
                      <DeleteFile {...buttons} />
                    </div>
                  )}
                  {f.deletedAt && props.canRestore && <RestoreFile {...buttons} />}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {props.canWrite && <FileUploadForm owner={props.owner} partnershipId={props.partnershipId} returnTo={props.returnTo} />}
    </section>
  );
}
