import { getFormatter, getTranslations } from 'next-intl/server';
import { listActivityPhotos } from '@/db/queries/activity-photos';
import type { Locale } from '@/lib/i18n/routing';
import { DeletePhoto, RestorePhoto } from './photo-buttons';
import { PhotoUploadForm } from './photo-upload-form';

/**
 * The photos of an activity: a gallery of the display copies (alt text from the caption in the reader's language,
 * else the other one), each with a link to the original, public or internal, who uploaded it; a delete button for
 * editors, the deleted ones marked with a restore button for admins; and the upload form for editors.
 */
export async function ActivityPhotos(props: { activityId: string; locale: Locale; canWrite: boolean; canRestore: boolean }) {
  const [photos, t, format] = await Promise.all([listActivityPhotos(props.activityId), getTranslations('activityPhotos'), getFormatter()]);
  const returnTo = `${props.locale === 'zh' ? '/zh' : ''}/activities/${props.activityId}`;
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const size = (bytes: number) =>
    bytes < 1024 * 1024 ? `${format.number(Math.max(1, Math.round(bytes / 1024)))} KB` : `${format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;
  return (
    <section id="photos" aria-labelledby="photos-heading" className="space-y-3">
      <h2 id="photos-heading" className="text-xl font-semibold">{t('title')}</h2>
      {photos.length === 0 ? (
        <p className="text-sm text-slate-600">{t('none')}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {photos.map((photo, i) => {
            const caption = (props.locale === 'zh' ? photo.captionZh || photo.captionEn : photo.captionEn || photo.captionZh) ?? null;
            const captionLang = caption === photo.captionZh && caption !== photo.captionEn ? 'zh-CN' : 'en';
            const src = `/activities/${props.activityId}/photos/${photo.id}`;
            const buttons = { id: photo.id, activityId: props.activityId, returnTo, name: caption ?? photo.fileName };
            return (
              <li key={photo.id} className={`rounded border p-2 text-sm ${photo.deletedAt ? 'border-amber-300 bg-amber-50' : 'border-slate-200'}`}>
                <figure className="space-y-1">
                  <img
                    src={src}
                    alt={caption ?? t('untitled', { n: i + 1 })}
                    width={photo.displayWidth}
                    height={photo.displayHeight}
                    loading="lazy"
                    className={`h-auto w-full rounded bg-slate-100 ${photo.deletedAt ? 'opacity-60' : ''}`}
                  />
                  {caption && <figcaption lang={captionLang}>{caption}</figcaption>}
                </figure>
                <div className="mt-1 flex flex-wrap items-baseline gap-2">
                  <a href={`${src}?original=1`} download className="text-brand-700 underline">
                    {t('original', { size: size(photo.byteSize), width: photo.width, height: photo.height })}
                  </a>
                  <span className="rounded bg-slate-100 px-2 text-xs">{photo.isPublic ? t('public') : t('internal')}</span>
                  {photo.deletedAt && <span className="rounded bg-amber-200 px-2 text-xs text-amber-950">{t('deleted')}</span>}
                </div>
                <p className="text-xs text-slate-600">
                  {photo.uploadedBy ? t('uploadedBy', { name: photo.uploadedBy, date: when(photo.uploadedAt) }) : t('uploadedOn', { date: when(photo.uploadedAt) })}
                  {photo.deletedAt && <> · {t('deletedBy', { name: photo.deletedBy ?? '–', date: when(photo.deletedAt) })}</>}
                </p>
                <div className="mt-1">
                  {!photo.deletedAt && props.canWrite && <DeletePhoto {...buttons} />}
                  {photo.deletedAt && props.canRestore && <RestorePhoto {...buttons} />}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {props.canWrite && <PhotoUploadForm activityId={props.activityId} returnTo={returnTo} />}
    </section>
  );
}
