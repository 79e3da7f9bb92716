import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TIE_COLOURS } from '@/components/map/tie-styles';
import { BarChart, type BarChartProps } from './bar-chart';
import { ROW } from './draw';
import { type ChartDatum, tieSeries } from './series';
import { barsOf, drawingOf, tableOf, textsOf } from './test-markup';

const text = { showData: 'Show the figures', total: 'Total', empty: 'Nothing recorded yet.', category: 'Country' };
const count = [{ key: 'n', label: 'Partners' }];
const ties = tieSeries((type) => ({ sister_city: 'Sister city', friendly_cooperation_city: 'Friendly cooperation city' })[type as string] ?? type);

function render(props: Partial<BarChartProps> & Pick<BarChartProps, 'data'>) {
  return renderToStaticMarkup(<BarChart title="Partners by country" locale="en" series={count} text={text} {...props} />);
}

const plain = (entries: [string, number][]): ChartDatum[] => entries.map(([label, n]) => ({ key: label, label, values: { n } }));

describe('BarChart, horizontal', () => {
  const html = render({ data: plain([['Japan', 10], ['Italy', 5], ['France', 0]]) });
  const svg = drawingOf(html)!;

  it('draws a bar per category in proportion, one row each, the longest ending at the top tick', () => {
    const [japan, italy, ...rest] = barsOf(svg);
    expect(rest).toEqual([]); // France's 0 draws nothing
    expect(japan!.x).toBe(0);
    expect(italy!.x).toBe(0);
    expect(italy!.width).toBeCloseTo(japan!.width / 2, 1);
    expect([japan!.y, italy!.y]).toEqual([ROW.barTop, ROW.height + ROW.barTop]);
    const ticks = textsOf(svg).filter((t) => t.y > 3 * ROW.height);
    expect(ticks.at(-1)!.text).toBe('10');
    expect(ticks.at(-1)!.x).toBe(`${japan!.width}%`);
  });

  it('puts ticks at round numbers from 0', () => {
    const ticks = textsOf(svg).filter((t) => t.y > 3 * ROW.height).map((t) => Number(t.text));
    expect(ticks[0]).toBe(0);
    const step = ticks[1]!;
    expect([1, 2, 5, 10]).toContain(step);
    expect(ticks).toEqual(ticks.map((_, i) => i * step));
  });

  it('labels each category above its bar and each bar with its value', () => {
    const texts = textsOf(svg).map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['Japan', 'Italy', 'France', '10', '5', '0']));
  });

  it('hides the drawing from assistive technology and gives the numbers as a table', () => {
    expect(svg).toMatch(/^<svg [^>]*aria-hidden="true"/);
    expect(html).toContain('<caption class="sr-only">Partners by country</caption>');
    expect(tableOf(html)).toEqual({
      head: ['Country', 'Partners'],
      rows: [
        ['Japan', '10'],
        ['Italy', '5'],
        ['France', '0'],
      ],
    });
    expect(html).toMatch(/<th scope="row"/);
  });

  it('is a figure captioned by its heading, the table behind a disclosure unless asked open', () => {
    expect(html).toMatch(/^<figure class="@container[^"]*"><figcaption[^>]*><h3[^>]*>Partners by country<\/h3><\/figcaption>/);
    expect(html).toMatch(/<details class="[^"]*"><summary[^>]*>Show the figures<\/summary>/);
    const open = render({ data: plain([['Japan', 1]]), tableOpen: true, headingLevel: 2, description: 'Most are in Asia.' });
    expect(open).toMatch(/<details open="" class=/);
    expect(open).toContain('<h2 class="text-base font-semibold text-slate-900">Partners by country</h2><p class="text-sm text-slate-700">Most are in Asia.</p>');
  });
});

describe('BarChart, stacked by type of tie', () => {
  const data = [
    { key: 'us', label: 'United States', values: { sister_city: 4, friendly_cooperation_city: 6 } },
    { key: 'jp', label: 'Japan', values: { sister_city: 3, friendly_cooperation_city: 2 } },
  ];
  const html = render({ data, series: ties });
  const svg = drawingOf(html)!;

  it('stacks each bar’s parts end to end, in the map’s colours, friendly cooperation ties tinted', () => {
    const bars = barsOf(svg);
    expect(bars).toHaveLength(4);
    const [usSister, jpSister, usFriendly, jpFriendly] = bars as [typeof bars[0], typeof bars[0], typeof bars[0], typeof bars[0]];
    expect(usSister.paint).toContain(`fill="${TIE_COLOURS.sister_city}"`);
    expect(usFriendly.paint).toContain(`fill="${TIE_COLOURS.friendly_cooperation_city}" fill-opacity=`);
    expect(usFriendly.x).toBeCloseTo(usSister.x + usSister.width, 1);
    expect(jpFriendly.x).toBeCloseTo(jpSister.x + jpSister.width, 1);
    expect(usSister.width / jpSister.width).toBeCloseTo(4 / 3, 1);
    expect((usSister.width + usFriendly.width) / (jpSister.width + jpFriendly.width)).toBeCloseTo(2, 1);
  });

  it('leaves out the types no bar has, in the legend and the table, and adds a total column', () => {
    expect(html).not.toContain('Sister province');
    expect(html).toMatch(/<ul aria-hidden="true"[^>]*><li[^>]*>.*Sister city<\/li><li[^>]*>.*Friendly cooperation city<\/li><\/ul>/);
    expect(tableOf(html)).toEqual({
      head: ['Country', 'Sister city', 'Friendly cooperation city', 'Total'],
      rows: [
        ['United States', '4', '6', '10'],
        ['Japan', '3', '2', '5'],
      ],
    });
  });

  it('holds every value of a larger dataset in its table, in the right row and column', () => {
    const series = [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }, { key: 'c', label: 'C' }];
    const many = Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, label: `Row ${i}`, values: { a: i * 7, b: (i * 13) % 5, c: 1000 + i } }));
    const { head, rows } = tableOf(render({ data: many, series }));
    expect(head).toEqual(['Country', 'A', 'B', 'C', 'Total']);
    expect(rows).toEqual(many.map((d) => [d.label, ...[d.values.a, d.values.b, d.values.c, d.values.a + d.values.b + d.values.c].map((n) => n.toLocaleString('en'))]));
  });
});

describe('BarChart, vertical', () => {
  const years = plain([['2021', 5], ['2022', 10]]);
  const svg = drawingOf(render({ data: years, orientation: 'vertical' }))!;

  it('draws columns from a common base in proportion to a round top, labelled under the axis', () => {
    const [y2021, y2022] = barsOf(svg);
    // The plot is 200 px high from y 18 and its top tick is 10.
    expect(y2022).toMatchObject({ y: 18, height: 200 });
    expect(y2021).toMatchObject({ y: 118, height: 100 });
    expect(y2022!.x).toBeGreaterThan(y2021!.x);
    expect(y2022!.width).toBeCloseTo(y2021!.width, 2);
    const labels = textsOf(svg).filter((t) => t.y > 222);
    expect(labels.map((t) => [t.text, t.cls])).toEqual([
      ['2021', ''],
      ['2022', ''],
    ]);
    const ticks = textsOf(svg).filter((t) => t.x === textsOf(svg)[0]!.x).map((t) => t.text);
    expect(ticks).toEqual(['0', '2', '4', '6', '8', '10']);
  });
});

describe('BarChart, edge cases', () => {
  it('keeps a name with markup in it as text, in the drawing and the table', () => {
    const html = render({ data: plain([['<script>alert("x")</script> & co', 2]]), title: 'A <b>bold</b> title' });
    expect(html).not.toMatch(/<script|<b>/);
    expect(drawingOf(html)).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(tableOf(html).rows[0]![0]).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
  });

  it('says so instead of drawing when there are no categories', () => {
    const html = render({ data: [] });
    expect(drawingOf(html)).toBeNull();
    expect(html).not.toContain('<table');
    expect(html).toContain('Partners by country');
    expect(html).toContain('Nothing recorded yet.');
  });

  it('draws one category, and categories that are all zero on an axis from 0 to 1', () => {
    const one = render({ data: plain([['Japan', 3]]) });
    expect(barsOf(drawingOf(one)!)).toHaveLength(1);
    expect(tableOf(one).rows).toEqual([['Japan', '3']]);
    const zeros = drawingOf(render({ data: plain([['Japan', 0], ['Italy', 0]]) }))!;
    expect(barsOf(zeros)).toEqual([]);
    expect(textsOf(zeros).filter((t) => t.y > 2 * ROW.height).map((t) => t.text)).toEqual(['0', '1']);
  });

  it('writes numbers for the locale, in the unit asked', () => {
    const html = render({ data: plain([['Masks', 1234.5]]), locale: 'de', numberFormat: { style: 'unit', unit: 'kilogram' } });
    expect(tableOf(html).rows).toEqual([['Masks', '1.234,5 kg']]);
    expect(textsOf(drawingOf(html)!).map((t) => t.text)).toContain('1.234,5 kg');
  });
});
