import { getTranslations } from 'next-intl/server';
import type { FileListRow } from '@/db/queries/files';
import { SignedFiles } from '../files/_components/signed-files';

/**
 * The documents of one lifecycle step under it on the timeline: download links for everyone; for editors, behind a
 * disclosure, the file list with delete (and restore for admins) and the upload form. The disclosure opens by
 * itself when an upload to this step just answered (`open`), so its message is seen beside the field.
 */
export async function StepFiles(props: {
  partnershipId: string;
  stepId: string;
  files: FileListRow[];
  returnTo: string;
  canWrite: boolean;
  canRestore: boolean;
  open: boolean;
}) {
  const t = await getTranslations('lifecycle');
  const live = props.files.filter((f) => !f.deletedAt);
  return (
    <div className="text-sm">
      {live.length > 0 && (
        <ul aria-label={t('stepFiles')} className="space-y-0.5">
          {live.map((f) => (
            <li key={f.id}>
              <a href={`/partnerships/${props.partnershipId}/files/${f.id}`} download className="text-brand-700 underline">
                {f.fileName}
              </a>
            </li>
          ))}
        </ul>
      )}
      {props.canWrite && (
        <details open={props.open} className="mt-1">
          <summary className="cursor-pointer text-brand-700">{t('manageStepFiles')}</summary>
          <div className="mt-2">
            <SignedFiles
              partnershipId={props.partnershipId}
              owner={{ statusEventId: props.stepId }}
              files={props.files}
              returnTo={props.returnTo}
              canWrite={props.canWrite}
              canRestore={props.canRestore}
              headingLevel={3}
            />
          </div>
        </details>
      )}
    </div>
  );
}
