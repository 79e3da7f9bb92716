import { readFileSync } from 'node:fs';
import path from 'node:path';
import { connection } from 'next/server';
import Papa from 'papaparse';

interface Row {
  city_en: string;
  city_zh: string;
  country_code: string;
  relationship: string;
  established_year: string;
}

// The shared dataset's 93 partners, read once per process on the first request (the bench names the file, as
// the build moves this module away from the repository), sorted as /partners sorts them.
let rows: Row[] | undefined;
function partners(): Row[] {
  rows ??= Papa.parse<Row>(readFileSync(path.resolve(process.env.FLOOR_DATASET ?? 'db/seed/data/guangzhou-partner-cities.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data.sort((a, b) => a.city_en.localeCompare(b.city_en));
  return rows;
}
const countries = new Intl.DisplayNames(['en'], { type: 'region' });
const TYPES: Record<string, string> = { sister_city: 'Sister city', friendly_cooperation_city: 'Friendly cooperation city' };

export default async function TablePage() {
  // Rendered on every request, as a page with a per-request nonce must be.
  await connection();
  const rows = partners();
  return (
    <>
      <h1>Partners of Guangzhou</h1>
      <p role="status">{rows.length} partners</p>
      <table>
        <caption>Partners of Guangzhou</caption>
        <thead>
          <tr>
            <th scope="col">Partner</th>
            <th scope="col">Country</th>
            <th scope="col">Type</th>
            <th scope="col">Since</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.city_en}>
              <th scope="row">
                <a href={`/partners/${r.city_en.toLowerCase().replace(/[^a-z]+/g, '-')}`}>{r.city_en}</a>
                <span lang="zh-CN">{r.city_zh}</span>
              </th>
              <td>{countries.of(r.country_code) ?? r.country_code}</td>
              <td>{TYPES[r.relationship] ?? r.relationship}</td>
              <td>{r.established_year}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
