import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TIE_COLOURS } from '@/components/map/tie-styles';
import { GrowthChart, type GrowthChartProps } from './growth-chart';
import { tieSeries } from './series';
import { barsOf, drawingOf, tableOf, textsOf } from './test-markup';

const text = {
  showData: 'Show the figures',
  total: 'Total',
  empty: 'Nothing recorded yet.',
  year: 'Year',
  perYear: 'New that year',
  cumulative: 'Total to date',
};
const names: Record<string, string> = { sister_city: 'Sister city', friendly_cooperation_city: 'Friendly cooperation city' };
const ties = tieSeries((type) => names[type] ?? type);

function render(props: Partial<GrowthChartProps> & Pick<GrowthChartProps, 'years'>) {
  return renderToStaticMarkup(<GrowthChart title="Growth of the network" locale="en" series={ties} text={text} {...props} />);
}

// Fukuoka in 1979, a second sister city in 1981, three friendly cooperation cities and a sister city in 2021.
const years = [
  { year: 2021, values: { sister_city: 1, friendly_cooperation_city: 3 } },
  { year: 1979, values: { sister_city: 1 } },
  { year: 1981, values: { sister_city: 1 } },
];

describe('GrowthChart', () => {
  const html = render({ years, to: 2025 });
  const svg = drawingOf(html)!;

  it('runs the year axis from the first tie to `to`, a tick for every year', () => {
    const ticks = /<path d="([^"]+)" stroke/.exec(svg)![1]!;
    expect(ticks.match(/M/g)).toHaveLength(2025 - 1979 + 1);
    expect(svg).toContain('viewBox="0 0 47 ');
  });

  it('labels round years only, more of them in a wider chart', () => {
    const labels = new Map(textsOf(svg).filter((t) => /^\d{4}$/.test(t.text)).map((t) => [t.text, t.cls]));
    expect(labels.get('1980')).toBe('');
    expect(labels.get('2020')).toBe('');
    expect(labels.get('1985')).toBe('@max-md:hidden');
    expect(labels.has('1979')).toBe(false);
    expect(labels.has('2021')).toBe(false);
  });

  it('stacks each year’s column by type from a common base, in the map’s colours', () => {
    const bars = barsOf(svg);
    const sister = bars.filter((b) => b.paint.includes(TIE_COLOURS.sister_city));
    const friendly = bars.filter((b) => b.paint.includes(TIE_COLOURS.friendly_cooperation_city));
    expect(sister).toHaveLength(3);
    expect(friendly).toHaveLength(1);
    // All sister columns hold 1 and stand on the base; 2021's friendly part sits on its sister part, three times as tall.
    expect(new Set(sister.map((b) => b.y + b.height)).size).toBe(1);
    expect(sister.every((b) => b.height === sister[0]!.height)).toBe(true);
    expect(friendly[0]!.x).toBe(sister[2]!.x);
    expect(friendly[0]!.y + friendly[0]!.height).toBeCloseTo(sister[2]!.y, 1);
    expect(friendly[0]!.height).toBeCloseTo(3 * sister[0]!.height, 1);
    // 1979 is the first band, 2021 the 43rd of 47.
    const band = (sister[1]!.x - sister[0]!.x) / 2;
    expect((sister[2]!.x - sister[0]!.x) / band).toBeCloseTo(42, 0);
  });

  it('draws the running total as a line, its last value labelled', () => {
    const points = /<polyline points="([^"]+)"/.exec(svg)![1]!.split(' ');
    expect(points).toHaveLength(47);
    // The line's plot is one unit per year and per tie, its top the round tick above the total (6 → 6 with steps of 2).
    const top = Number(/viewBox="0 0 47 (\d+)"/.exec(svg)![1]);
    const totals = points.map((p) => top - Number(p.split(',')[1]));
    expect(totals.slice(0, 3)).toEqual([1, 1, 2]);
    expect(totals.at(-1)).toBe(6);
    expect(textsOf(svg).filter((t) => t.text === '6').length).toBeGreaterThan(0);
  });

  it('lists each year that has a tie, by type, with its total and the total to date', () => {
    expect(tableOf(html)).toEqual({
      head: ['Year', 'Sister city', 'Friendly cooperation city', 'New that year', 'Total to date'],
      rows: [
        ['1979', '1', '0', '1', '1'],
        ['1981', '1', '0', '1', '2'],
        ['2021', '1', '3', '4', '6'],
      ],
    });
  });

  it('starts the total at ties before the axis or without a year', () => {
    const { rows } = tableOf(render({ years, from: 1980, before: 10 }));
    expect(rows.map((r) => [r[0], r.at(-1)])).toEqual([
      ['1981', '12'],
      ['2021', '16'],
    ]);
  });

  it('draws a single year, and one series without a legend or per-type columns', () => {
    const one = render({ years: [{ year: 1979, values: { sister_city: 1 } }] });
    expect(barsOf(drawingOf(one)!)).toHaveLength(1);
    expect(one).toContain('<circle');
    expect(one).not.toContain('<ul');
    expect(tableOf(one)).toEqual({ head: ['Year', 'New that year', 'Total to date'], rows: [['1979', '1', '1']] });
  });

  it('says so instead of drawing when no tie has a year', () => {
    for (const html of [render({ years: [] }), render({ years: [{ year: 2020, values: {} }], to: 2025 })]) {
      expect(drawingOf(html)).toBeNull();
      expect(html).toContain('Nothing recorded yet.');
    }
  });

  it('keeps markup in its labels as text', () => {
    const html = render({ years, text: { ...text, cumulative: '<i>Total</i>' }, series: [{ key: 'sister_city', label: '<b>Sister</b>' }] });
    expect(html).not.toMatch(/<i>|<b>/);
    expect(drawingOf(html)).toContain('&lt;i&gt;Total&lt;/i&gt;');
  });
});
