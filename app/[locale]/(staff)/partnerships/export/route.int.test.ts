import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { localities, partnerships, settings } from '@/db/schema';
import { resetDatabase } from '@/db/testing/reset';
import { signInAs } from '@/db/testing/staff';

// The list's download as CSV and as XLSX: the import's own columns, formulas neutralised in both, numbers kept.

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock('@/lib/auth/session-id', () => ({ readSessionId: async () => session.id }));

const { GET } = await import('./route');

async function sheetOf(res: Response): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'number' ? `#${v}` : String(v))));
  });
  return rows;
}

beforeEach(async () => {
  await resetDatabase();
  session.id = null;
  const [gz, a, b] = await db
    .insert(localities)
    .values([
      { slug: 'guangzhou', nameEn: 'Guangzhou', nameZh: '广州', countryCode: 'CN' },
      { slug: 'linkoping', nameEn: 'Linköping', nameZh: '林雪平', countryCode: 'SE' },
      { slug: 'eq', nameEn: '=HYPERLINK("http://evil")', countryCode: 'FR' },
    ])
    .returning({ id: localities.id });
  await db.insert(settings).values({ id: 1, homeLocalityId: gz!.id });
  await db.insert(partnerships).values([
    { slug: 'gz-lk', homeLocalityId: gz!.id, partnerLocalityId: a!.id, type: 'sister_city', establishedOn: '1997-01-01', establishedPrecision: 'year', summaryEn: '-3 degrees in winter', cooperationFields: ['education', 'culture'] },
    { slug: 'gz-eq', homeLocalityId: gz!.id, partnerLocalityId: b!.id, type: 'friendly_cooperation_city', isPublic: false, summaryZh: '@SUM(1)' },
  ]);
});

describe('GET /partnerships/export', () => {
  it('refuses a caller without a session', async () => {
    expect((await GET(new Request('http://localhost/partnerships/export?format=xlsx'))).status).toBe(401);
  });

  it('sends the list as XLSX in the same columns as the CSV, formulas neutralised', async () => {
    await signInAs(session, 'viewer');
    const res = await GET(new Request('http://localhost/partnerships/export?format=xlsx'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/filename="?partnerships-\d{4}-\d{2}-\d{2}\.xlsx"?$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const rows = await sheetOf(res);
    const csv = await (await GET(new Request('http://localhost/partnerships/export'))).text();
    expect(rows[0]).toEqual(csv.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(','));
    const byName = new Map(rows.slice(1).map((r) => [r[1], r]));
    const lk = byName.get('Linköping')!;
    expect(lk.slice(2, 4)).toEqual(['林雪平', 'SE']);
    expect(lk[9]).toBe('1997');
    expect(lk[12]).toBe('education;culture');
    expect(lk[13]).toBe('true');
    expect(lk[14]).toBe("'-3 degrees in winter");
    const evil = byName.get(`'=HYPERLINK("http://evil")`)!;
    expect(evil[15]).toBe("'@SUM(1)");
    expect(evil[13]).toBe('false');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('keeps the filter: one type only', async () => {
    await signInAs(session, 'editor');
    const rows = await sheetOf(await GET(new Request('http://localhost/partnerships/export?format=xlsx&type=sister_city')));
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Linköping']);
  });
});
