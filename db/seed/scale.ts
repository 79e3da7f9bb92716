import { sql } from 'drizzle-orm';
import type { Executor } from '../client';

/**
 * Adds a synthetic network around the home locality for benchmarks: `partners` foreign localities with one
 * partnership each, `activities` activities spread over them, and `auditEvents` audit rows. Set-based SQL, so a
 * large network loads in seconds. Never for a real database: every name starts with "Bench".
 */
export async function seedScale(
  tx: Executor,
  homeLocalityId: string,
  opts: { partners: number; activities: number; auditEvents: number },
): Promise<void> {
  const countries = ['JP', 'US', 'FR', 'DE', 'BR', 'KE', 'PK', 'AU', 'IT', 'RU', 'VN', 'MX', 'EG', 'GB', 'TR'];
  const list = sql.raw(`array[${countries.map((c) => `'${c}'`).join(',')}]`);
  await tx.execute(sql`
    insert into localities (slug, name_en, name_zh, level, country_code, latitude, longitude)
    select 'bench-city-' || g, 'Bench City ' || lpad(g::text, 6, '0'), '基准城市' || g, 'city',
           (${list})[1 + g % ${countries.length}], -60 + (g * 7919 % 12000) / 100.0, -179 + (g * 104729 % 35800) / 100.0
    from generate_series(1, ${opts.partners}) g`);
  await tx.execute(sql`
    insert into partnerships (slug, home_locality_id, partner_locality_id, type, status, established_on,
                              established_precision, cooperation_fields)
    select 'bench-' || l.slug, ${homeLocalityId}, l.id,
           (array['sister_city','friendly_cooperation_city']::partnership_type[])[1 + n % 2],
           (array['active','active','active','lapsed','signed']::partnership_status[])[1 + n % 5],
           make_date(1979 + n % 47, 1 + n % 12, 1 + n % 28), 'day',
           (case n % 3 when 0 then '{economy,trade}' when 1 then '{culture,tourism}'
                       else '{education,science_technology}' end)::cooperation_field[]
    from (select id, slug, (row_number() over (order by slug))::int as n from localities where slug like 'bench-city-%') l`);
  await tx.execute(sql`
    insert into activities (slug, kind, title_en, started_on, started_precision)
    select 'bench-activity-' || g, (array['donation','project','delegation_visit','cultural_event']::activity_kind[])[1 + g % 4],
           'Bench activity ' || g, make_date(2000 + g % 26, 1 + g % 12, 1), 'month'
    from generate_series(1, ${opts.activities}) g`);
  await tx.execute(sql`
    insert into activity_partnerships (activity_id, partnership_id)
    select a.id, p.id
    from (select id, (row_number() over (order by slug))::int as n from activities where slug like 'bench-activity-%') a
    join (select id, (row_number() over (order by slug))::int as n from partnerships where slug like 'bench-%') p
      on p.n = 1 + a.n % ${opts.partners}`);
  await tx.execute(sql`
    insert into audit_events (occurred_at, actor_email, action, entity_type, entity_id, after)
    select now() - (g || ' minutes')::interval, 'bench' || (g % 20) || '@amity.test',
           (array['auth.sign_in','auth.sign_in_failed','user.create','settings.update'])[1 + g % 4],
           'user', gen_random_uuid()::text, jsonb_build_object('n', g)
    from generate_series(1, ${opts.auditEvents}) g`);
}
