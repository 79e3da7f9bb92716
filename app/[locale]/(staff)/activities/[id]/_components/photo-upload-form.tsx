'use client';

import { useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { MAX_CAPTION_CHARS, MAX_PHOTO_BYTES, PHOTO_HEAD_BYTES, photoFileProblem, photoOutcomeSchema, type PhotoError } from '@/lib/validation/activity-photos';

/**
 * The photo upload of one activity: a plain form posting to /uploads/photos (app/uploads/photos/route.ts), which
 * answers with a 303 back to `returnTo` carrying the outcome; the message then shows beside its field, with or
 * without JavaScript. With JavaScript, size and type (by the file's first bytes) are checked here first with the
 * server's schema, so a wrong file gets its message without being sent. `returnTo` is the page it is on.
 */
export function PhotoUploadForm(props: { activityId: string; returnTo: string }) {
  const t = useTranslations('activityPhotos');
  const tAll = useTranslations();
  const params = useSearchParams();
  const [clientError, setClientError] = useState<PhotoError | null>(null);
  const [pending, setPending] = useState(false);
  const outcome = photoOutcomeSchema.parse({ photoError: params.get('photoError') ?? undefined, photoUploaded: params.get('photoUploaded') ?? undefined });
  const error = clientError ?? outcome.photoError;
  const uploaded = !clientError && outcome.photoUploaded === '1';
  const fieldOf = (e: PhotoError | undefined) =>
    e === 'activityPhotos.captionEnTooLong' ? 'captionEn' : e === 'activityPhotos.captionZhTooLong' ? 'captionZh' : e ? 'photo' : null;
  const errorField = fieldOf(error ?? undefined);
  const id = `photo-${props.activityId}`;
  const described = (field: string, hint?: string) => [hint, errorField === field ? `${id}-${field}-error` : null].filter(Boolean).join(' ') || undefined;
  const errorText = (field: string) =>
    errorField === field && error ? <p id={`${id}-${field}-error`} className="text-sm text-red-700">{tAll(error)}</p> : null;

  async function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const input = form.elements.namedItem('photo') as HTMLInputElement;
    const file = input.files?.[0];
    let problem: PhotoError | null = file ? null : 'activityPhotos.required';
    if (file) problem = photoFileProblem({ size: file.size, head: new Uint8Array(await file.slice(0, PHOTO_HEAD_BYTES).arrayBuffer()) });
    setClientError(problem);
    if (problem) {
      input.focus();
      return;
    }
    setPending(true);
    form.submit(); // the native post, as without JavaScript
  }

  const input = 'rounded border border-slate-300 px-3 py-2 text-sm';
  return (
    <form action="/uploads/photos" method="post" encType="multipart/form-data" onSubmit={check} className="space-y-3 rounded border border-slate-200 p-3">
      <input type="hidden" name="activityId" value={props.activityId} />
      <input type="hidden" name="returnTo" value={props.returnTo} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-photo`} className="text-sm font-medium">{t('file')}</label>
        <p id={`${id}-hint`} className="text-xs text-slate-600">{t('hint', { mb: MAX_PHOTO_BYTES / 1024 / 1024 })}</p>
        <input
          id={`${id}-photo`}
          type="file"
          name="photo"
          accept="image/jpeg,image/png,image/webp"
          aria-invalid={errorField === 'photo' || undefined}
          aria-describedby={described('photo', `${id}-hint`)}
          onChange={() => setClientError(null)}
          className="text-sm"
        />
        {errorText('photo')}
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-captionEn`} className="text-sm font-medium">{t('captionEn')}</label>
          <input id={`${id}-captionEn`} name="captionEn" lang="en" maxLength={MAX_CAPTION_CHARS} aria-invalid={errorField === 'captionEn' || undefined} aria-describedby={described('captionEn')} className={input} />
          {errorText('captionEn')}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-captionZh`} className="text-sm font-medium">{t('captionZh')}</label>
          <input id={`${id}-captionZh`} name="captionZh" lang="zh-CN" maxLength={MAX_CAPTION_CHARS} aria-invalid={errorField === 'captionZh' || undefined} aria-describedby={described('captionZh')} className={input} />
          {errorText('captionZh')}
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isPublic" className="h-4 w-4" />
        {t('isPublic')}
      </label>
      <div role="status" aria-live="polite">
        {uploaded && <p className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('uploaded')}</p>}
      </div>
      <button type="submit" disabled={pending} aria-busy={pending || undefined} className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-60">
        {pending ? t('uploading') : t('upload')}
      </button>
    </form>
  );
}
