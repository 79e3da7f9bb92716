// The arithmetic of the charts: round ticks, and which labels fit at which width.
//
// The charts' SVG has no viewBox: it is as wide as its container and a fixed number of pixels high, its shapes placed
// in percentages of the width (or drawn in a nested, stretched <svg>), its text at its own pixel size. Scaled with a
// viewBox, 11 px text would shrink to about 5 px on a 375 px phone; instead the text keeps its size and the labels that
// would crowd are hidden by container queries (the figure is an @container), so a chart reads the same in a narrow
// column of the dashboard, on a phone and on paper.

/**
 * About `count` ticks from 0 to a round maximum at or above `max`: steps of 1, 2 or 5 × 10ⁿ (the step nearest
 * max / count, as d3-array's ticks chooses it), whole numbers only when `integer`. [0, 1] when max is 0 or not a
 * number, so an empty chart still has an axis. A dozen lines rather than d3-scale, which would bring five packages for
 * this alone, and its ticks would need the same wrapping to keep counts whole.
 */
export function niceTicks(max: number, count = 5, integer = true): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  let step = (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1) * power;
  if (integer) step = Math.max(1, step);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const steps = Math.ceil(max / step - 1e-9);
  return Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toFixed(decimals)));
}

/** A rough width of `text` in pixels at `fontPx`: 0.6 em a Latin letter or digit, 1 em a Chinese character. */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.6;
  return em * fontPx;
}

/** The narrowest chart expected, px: a 320 px phone less its margins. Room for labels is reckoned at this width. */
export const NARROWEST = 300;

/**
 * The widths of chart (px) a label is checked against, and the class that hides it in a narrower chart (a container
 * query: the figure is an @container). Past 896 px, what does not fit is left to the table.
 */
const WIDTH_TIERS = [
  { width: NARROWEST, hide: '' },
  { width: 448, hide: '@max-md:hidden' },
  { width: 672, hide: '@max-2xl:hidden' },
  { width: 896, hide: '@max-4xl:hidden' },
] as const;

/**
 * The class for a label that needs `px` pixels where it has `fraction` of the chart's width: '' when it always fits,
 * a container-query class hiding it in charts too narrow for it, or null when it never fits (leave it out).
 */
export function fitClass(fraction: number, px: number): string | null {
  return WIDTH_TIERS.find((tier) => fraction * tier.width >= px)?.hide ?? null;
}

/** Every how many bands an axis is labelled: each divides the next, so a label shown when narrow stays shown when wide. */
const LABEL_STEPS = [1, 5, 10, 50, 100, 500, 1000];

/**
 * The class for the label of band `n` (a year, or the band's index) on an axis of bands `fraction` of the chart's
 * width each, the label needing `px` pixels: labels every 1st, 5th, 10th, 50th ... band, as often as fits at each
 * width (years: 1980, 1985 ... on a phone, every year on a wide screen), or null when this one is never shown.
 */
export function axisLabelClass(n: number, fraction: number, px: number): string | null {
  for (const tier of WIDTH_TIERS) {
    const every = LABEL_STEPS.find((k) => k * fraction * tier.width >= px) ?? Infinity;
    if (n % every === 0) return tier.hide;
  }
  return null;
}

/** A percentage for an SVG attribute, to two decimals: "12.5%". */
export function pct(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}

/** A length for an SVG attribute, to one decimal. */
export function px(value: number): number {
  return Number(value.toFixed(1));
}
