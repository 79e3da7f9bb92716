import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { migrateDatabase } from './migrate';
import { migrationsUpTo } from './testing/migrations';

// Migration 0007 on data written under 0006: a stored file moves into 1 MiB parts that put back together give
// the same bytes, and the renamed statuses (dormant, ended) become lapsed and terminated, in ties and their history.

const upTo = migrationsUpTo('0006_more_partnership_types');
afterAll(() => upTo.remove());

describe('migration 0007 (lifecycle, former names, files in parts)', () => {
  it('moves a 2.5 MiB file into parts that reassemble to its bytes, and renames dormant and ended', async () => {
    const conn = openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    try {
      await migrateDatabase(conn, upTo.folder);
      const bytes = new Uint8Array(2.5 * 1024 * 1024).map((_, i) => (i * 7 + 3) % 256);
      const small = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
      const one = async <T>(q: ReturnType<typeof sql>) => ((await conn.db.execute(q)).rows as T[])[0]!;
      const { id: home } = await one<{ id: string }>(sql`insert into localities (slug, name_en, country_code) values ('guangzhou', 'Guangzhou', 'CN') returning id`);
      const { id: a } = await one<{ id: string }>(sql`insert into localities (slug, name_en, country_code) values ('lahore', 'Lahore', 'PK') returning id`);
      const { id: b } = await one<{ id: string }>(sql`insert into localities (slug, name_en, country_code) values ('fukuoka', 'Fukuoka', 'JP') returning id`);
      const { id: dormant } = await one<{ id: string }>(
        sql`insert into partnerships (slug, home_locality_id, partner_locality_id, type, status) values ('gz-lahore', ${home}, ${a}, 'sister_city', 'dormant') returning id`,
      );
      const { id: ended } = await one<{ id: string }>(
        sql`insert into partnerships (slug, home_locality_id, partner_locality_id, type, status) values ('gz-fukuoka', ${home}, ${b}, 'sister_city', 'ended') returning id`,
      );
      await conn.db.execute(sql`insert into partnership_status_events (partnership_id, status) values (${dormant}, 'active'), (${dormant}, 'dormant'), (${ended}, 'ended')`);
      const { id: agreement } = await one<{ id: string }>(sql`insert into agreements (partnership_id, kind, title_en) values (${dormant}, 'mou', 'MoU') returning id`);
      const { id: big } = await one<{ id: string }>(
        sql`insert into agreement_files (agreement_id, file_name, media_type, byte_size, sha256, content) values (${agreement}, 'mou.pdf', 'application/pdf', ${bytes.length}, 'x', ${bytes}) returning id`,
      );
      const { id: tiny } = await one<{ id: string }>(
        sql`insert into agreement_files (agreement_id, file_name, media_type, byte_size, sha256, content) values (${agreement}, 'small.pdf', 'application/pdf', ${small.length}, 'y', ${small}) returning id`,
      );

      await migrateDatabase(conn);

      const parts = async (fileId: string) =>
        (await conn.db.execute(sql`select seq, content from agreement_file_parts where file_id = ${fileId} order by seq`)).rows as Array<{ seq: number; content: Uint8Array }>;
      const bigParts = await parts(big);
      expect(bigParts.map((p) => [p.seq, p.content.byteLength])).toEqual([[0, 1048576], [1, 1048576], [2, 524288]]);
      expect(Buffer.concat(bigParts.map((p) => p.content)).equals(Buffer.from(bytes))).toBe(true);
      const tinyParts = await parts(tiny);
      expect(Buffer.concat(tinyParts.map((p) => p.content)).equals(Buffer.from(small))).toBe(true);
      const columns = (await conn.db.execute(sql`select column_name from information_schema.columns where table_name = 'agreement_files'`)).rows.map((r) => (r as { column_name: string }).column_name);
      expect(columns).not.toContain('content');

      const statuses = (await conn.db.execute(sql`select id, status from partnerships order by slug`)).rows;
      expect(statuses).toEqual([
        { id: ended, status: 'terminated' },
        { id: dormant, status: 'lapsed' },
      ]);
      const history = (await conn.db.execute(sql`select status from partnership_status_events order by status::text`)).rows.map((r) => (r as { status: string }).status);
      expect(history).toEqual(['active', 'lapsed', 'terminated']);
    } finally {
      await conn.close();
    }
  });
});
