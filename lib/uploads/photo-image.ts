import sharp, { type Metadata } from 'sharp';
import { DISPLAY_LONG_SIDE, MAX_PHOTO_PIXELS, photoTypeOf, type PhotoMediaType } from '../validation/activity-photos';

// Decoding and resizing of activity photos with sharp (libvips). Server only.

// libvips' operation cache would keep decoded photos in memory between uploads; each photo is processed once.
sharp.cache(false);

const SHARP_FORMAT: Record<PhotoMediaType, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

export type ProcessedPhoto =
  | {
      kind: 'ok';
      mediaType: PhotoMediaType;
      /** The original's size as it is seen, after its EXIF orientation. */
      width: number;
      height: number;
      display: { mediaType: 'image/webp'; width: number; height: number; content: Uint8Array };
    }
  | { kind: 'not_image' }
  | { kind: 'too_many_pixels' };

/**
 * Checks that `bytes` is a JPEG, PNG or WebP by its content (its signature, and libvips decoding it as that same
 * format), within MAX_PHOTO_PIXELS, and makes the display copy: EXIF orientation applied, at most DISPLAY_LONG_SIDE
 * pixels on its longest side (never enlarged), WebP, without metadata (no GPS position or camera serial leaves with
 * it). The first frame of an animated image. Never throws for bad input.
 */
export async function processPhoto(bytes: Uint8Array): Promise<ProcessedPhoto> {
  const mediaType = photoTypeOf(bytes.subarray(0, 12));
  // An SVG, a renamed text file or program: sharp would read some of these (SVG through librsvg), so the signature
  // decides before it looks.
  if (!mediaType) return { kind: 'not_image' };
  const options = { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' as const };
  let meta: Metadata;
  try {
    // The header only: the pixel count is checked below, to say so rather than 'not an image'.
    meta = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch {
    return { kind: 'not_image' };
  }
  if (meta.format !== SHARP_FORMAT[mediaType] || !meta.width || !meta.height) return { kind: 'not_image' };
  if (meta.width * meta.height > MAX_PHOTO_PIXELS) return { kind: 'too_many_pixels' };
  try {
    const { data, info } = await sharp(bytes, options)
      .rotate()
      .resize({ width: DISPLAY_LONG_SIDE, height: DISPLAY_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return {
      kind: 'ok',
      mediaType,
      width: meta.autoOrient?.width ?? meta.width,
      height: meta.autoOrient?.height ?? meta.height,
      display: { mediaType: 'image/webp', width: info.width, height: info.height, content: data },
    };
  } catch {
    // A header that parses over pixel data that does not.
    return { kind: 'not_image' };
  }
}
