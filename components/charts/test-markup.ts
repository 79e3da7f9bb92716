// Reading the charts' markup in unit tests, with regular expressions: the markup is React's static rendering and
// the SVG string the charts write, both regular enough for that, and the project has no DOM in its unit tests.

/** The drawing of a chart: its outer <svg> as written, or null when it has none. */
export function drawingOf(html: string): string | null {
  return /<svg width="100%"[\s\S]*?<\/svg><\/div>/.exec(html)?.[0] ?? null;
}

/** A bar or column: x and width in % of the chart's width, y and height in px; `paint` is its group's attributes. */
export interface Bar {
  paint: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every bar of a drawing, in the order written (series by series). */
export function barsOf(svg: string): Bar[] {
  return [...svg.matchAll(/<g (fill="[^"]*"[^>]*)>((?:<rect [^>]*\/>)+)<\/g>/g)].flatMap(([, paint, rects]) =>
    [...rects!.matchAll(/<rect x="([\d.]+)%" y="([\d.]+)" width="([\d.]+)%" height="([\d.]+)"\/>/g)].map((m) => ({
      paint: paint!,
      x: Number(m[1]),
      y: Number(m[2]),
      width: Number(m[3]),
      height: Number(m[4]),
    })),
  );
}

/** A text of a drawing: its x (as written), y, class ('' for none) and content (as written, escaped). */
export interface DrawnText {
  x: string;
  y: number;
  cls: string;
  text: string;
}

/** Every text of a drawing. */
export function textsOf(svg: string): DrawnText[] {
  return [...svg.matchAll(/<text x="([^"]+)" y="([\d.-]+)"[^>]*?(?: class="([^"]*)")?>([^<]*)/g)].map((m) => ({
    x: m[1]!,
    y: Number(m[2]),
    cls: m[3] ?? '',
    text: m[4]!,
  }));
}

/** The table's header cells and each body row's cells (its row header first), as text. */
export function tableOf(html: string): { head: string[]; rows: string[][] } {
  const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]!);
  const head = /<thead[^>]*>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '';
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return { head: cells(head), rows: [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1]!)) };
}
