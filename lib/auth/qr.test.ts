import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { QR_OPTIONS, qrSvg } from './qr';

const URI = 'otpauth://totp/Acme:ana%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme';

function modules(svg: string): number {
  const match = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  expect(match?.[1]).toBe(match?.[2]);
  return Number(match?.[1]);
}

describe('qrSvg', () => {
  it('renders an accessible SVG image with an escaped label', () => {
    const svg = qrSvg(URI, { label: 'Scan <this> & "that"' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Scan &#60;this&#62; &#38; &#34;that&#34;"');
  });

  it('uses no inline styles, scripts or external references', () => {
    const svg = qrSvg(URI, { label: 'QR code' });
    expect(svg).not.toMatch(/style|<script|href|url\(|<image|<foreignObject/i);
    expect(svg).toContain('fill="#000"');
  });

  it('draws exactly the dark modules of the encoded matrix', () => {
    const svg = qrSvg(URI, { label: 'QR code' });
    const { size, data } = encode(URI, QR_OPTIONS);
    expect(modules(svg)).toBe(size);
    const drawn = [...svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)].flatMap(([, x, y, run]) =>
      Array.from({ length: Number(run) }, (_, i) => `${Number(x) + i},${y}`),
    );
    const dark = data.flatMap((row, y) => row.flatMap((on, x) => (on ? [`${x},${y}`] : [])));
    expect(drawn.sort()).toEqual(dark.sort());
  });

  it('grows with longer text', () => {
    const short = modules(qrSvg('otpauth://totp/A:b?secret=AB', { label: 'QR' }));
    const long = modules(qrSvg(URI, { label: 'QR' }));
    const longer = modules(qrSvg(URI.repeat(4), { label: 'QR' }));
    expect(short).toBeLessThan(long);
    expect(long).toBeLessThan(longer);
  });
});
