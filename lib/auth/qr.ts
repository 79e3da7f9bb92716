import { encode } from 'uqr';

// Medium error correction and the 4-module quiet zone the QR spec asks for; scanners struggle with less on screens.
export const QR_OPTIONS = { ecc: 'M', border: 4 } as const;
const MODULE_PX = 4;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * An inline SVG QR code of the text, named by `label` for screen readers. Colours are fill attributes, never style,
 * because the CSP forbids inline styles; width and height are presentation attributes, so CSS can resize it.
 */
export function qrSvg(text: string, { label }: { label: string }): string {
  const { size, data } = encode(text, QR_OPTIONS);
  let d = '';
  data.forEach((row, y) => {
    // One rectangle per horizontal run of dark modules keeps the path short.
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      const run = x - start + 1;
      d += `M${start} ${y}h${run}v1h-${run}z`;
    }
  });
  const px = size * MODULE_PX;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${px}" height="${px}" ` +
    `role="img" aria-label="${escapeXml(label)}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}
