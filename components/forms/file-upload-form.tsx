'use client';

import { useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FILE_HEAD_BYTES, FILE_TAIL_BYTES, MAX_FILE_BYTES, signedFileProblem, uploadOutcomeSchema, type FileError } from '@/lib/validation/files';

/** Whose document the uploaded file is: an agreement, or a lifecycle step (status event) of the partnership. */
export type FileOwnerRef = { agreementId: string } | { statusEventId: string };

/**
 * The signed-file upload of one agreement or lifecycle step: a plain form posting to /uploads (app/uploads/route.ts),
 * which answers with a 303 back to `returnTo` carrying the outcome; the message then shows beside the field, with
 * or without JavaScript. With JavaScript, size and type (by the file's first and last bytes) are checked here first
 * with the server's schema, so a wrong file gets its message without being sent.
 * `returnTo` is the page the form is on, as a local path (`/partnerships/<id>...`, with `/zh` in Chinese).
 */
export function FileUploadForm(props: { owner: FileOwnerRef; partnershipId: string; returnTo: string; label?: string }) {
  const t = useTranslations('files');
  const tAll = useTranslations();
  const params = useSearchParams();
  const [clientError, setClientError] = useState<FileError | null>(null);
  const [pending, setPending] = useState(false);
  const ownerField = 'agreementId' in props.owner ? 'agreementId' : 'statusEventId';
  const ownerId = 'agreementId' in props.owner ? props.owner.agreementId : props.owner.statusEventId;
  const outcome = uploadOutcomeSchema.parse({
    fileError: params.get('fileError') ?? undefined,
    fileUploaded: params.get('fileUploaded') ?? undefined,
    fileOwner: params.get('fileOwner') ?? undefined,
  });
  const mine = outcome.fileOwner === ownerId;
  const error = clientError ?? (mine ? outcome.fileError : undefined);
  const uploaded = !clientError && mine && outcome.fileUploaded === '1';
  const id = `file-${ownerId}`;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');

  async function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const input = form.elements.namedItem('file') as HTMLInputElement;
    const file = input.files?.[0];
    let problem: FileError | null = file ? null : 'files.fileRequired';
    if (file) {
      const head = new Uint8Array(await file.slice(0, FILE_HEAD_BYTES).arrayBuffer());
      const tail = new Uint8Array(await file.slice(Math.max(0, file.size - FILE_TAIL_BYTES)).arrayBuffer());
      problem = signedFileProblem({ name: file.name, size: file.size, head, tail });
    }
    setClientError(problem);
    if (problem) {
      input.focus();
      return;
    }
    setPending(true);
    form.submit(); // the native post, as without JavaScript
  }

  return (
    <form id={`files-${ownerId}`} action="/uploads" method="post" encType="multipart/form-data" onSubmit={check} className="space-y-3 rounded border border-slate-200 p-3">
      <input type="hidden" name="partnershipId" value={props.partnershipId} />
      <input type="hidden" name={ownerField} value={ownerId} />
      <input type="hidden" name="returnTo" value={props.returnTo} />
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium">{props.label ?? t('file')}</label>
        <p id={`${id}-hint`} className="text-xs text-slate-600">{t('hint', { mb: MAX_FILE_BYTES / 1024 / 1024 })}</p>
        <input
          id={id}
          type="file"
          name="file"
          accept="application/pdf,.pdf"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={() => setClientError(null)}
          className="text-sm"
        />
        {error && (
          <p id={`${id}-error`} className="text-sm text-red-700">{tAll(error)}</p>
        )}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isPublic" className="h-4 w-4" />
        {t('isPublic')}
      </label>
      <div role="status" aria-live="polite">
        {uploaded && <p className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('uploaded')}</p>}
      </div>
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending || undefined}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-60"
      >
        {pending ? t('uploading') : t('upload')}
      </button>
    </form>
  );
}
