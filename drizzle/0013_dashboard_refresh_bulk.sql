-- dashboard_refresh_activities as in 0012, with the activities matched by IN (SELECT unnest(ids)), which the
-- planner joins through the indexes; = ANY(ids) with the 100,000 ids of a bulk insert was a linear search per row.
-- Keeps the dashboard summaries (migration 0011's tables) in step with every write, in the writer's transaction:
-- see db/queries/dashboard-core.ts for the design. dashboard_refresh_activities(ids) replaces the facts of those
-- activities with what the base tables say now, taking the old facts' counts out of the summaries and putting the
-- new ones in; every trigger below calls it with the activities a statement touched, once per statement.
CREATE OR REPLACE FUNCTION dashboard_refresh_activities(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- One refresh of an activity at a time: a second transaction waits here, then reads what the first committed.
  PERFORM 1 FROM activities WHERE id IN (SELECT unnest(ids)) ORDER BY id FOR NO KEY UPDATE;

  WITH gone AS (
    DELETE FROM dashboard_activity_facts WHERE activity_id IN (SELECT unnest(ids))
    RETURNING home_locality_id, kind, started_on - extract(day FROM started_on)::int + 1 AS start_month, end_year
  ), cells AS (
    SELECT home_locality_id, kind, start_month, end_year, count(*)::int AS n FROM gone GROUP BY 1, 2, 3, 4
  )
  UPDATE dashboard_activity_counts c SET activities = c.activities - cells.n
  FROM cells
  WHERE c.home_locality_id = cells.home_locality_id AND c.kind = cells.kind AND c.start_month = cells.start_month
    AND c.end_year IS NOT DISTINCT FROM cells.end_year;

  WITH gone AS (
    DELETE FROM dashboard_quantity_facts WHERE activity_id IN (SELECT unnest(ids))
    RETURNING home_locality_id, item_key, unit_key, started_on - extract(day FROM started_on)::int + 1 AS start_month, activity_id, amount
  ), cells AS (
    SELECT home_locality_id, item_key, unit_key, start_month, sum(amount) AS amount, count(DISTINCT activity_id)::int AS n
    FROM gone GROUP BY 1, 2, 3, 4
  )
  UPDATE dashboard_donation_totals t SET amount = t.amount - cells.amount, activities = t.activities - cells.n
  FROM cells
  WHERE t.home_locality_id = cells.home_locality_id AND t.item_key = cells.item_key AND t.unit_key = cells.unit_key
    AND t.start_month IS NOT DISTINCT FROM cells.start_month;

  -- An activity counts for each home locality with a live tie it is linked to, when not deleted nor cancelled.
  WITH counted AS (
    SELECT DISTINCT a.id, p.home_locality_id, a.kind, a.started_on,
      CASE WHEN a.ended_on IS NOT NULL THEN extract(year FROM a.ended_on)::int
           WHEN a.status = 'ongoing' THEN NULL
           ELSE extract(year FROM a.started_on)::int END AS end_year
    FROM activities a
    JOIN activity_partnerships ap ON ap.activity_id = a.id
    JOIN partnerships p ON p.id = ap.partnership_id AND p.deleted_at IS NULL
    WHERE a.id IN (SELECT unnest(ids)) AND a.deleted_at IS NULL AND a.status <> 'cancelled' AND a.started_on IS NOT NULL
  ), added AS (
    INSERT INTO dashboard_activity_facts (activity_id, home_locality_id, kind, started_on, end_year)
    SELECT id, home_locality_id, kind, started_on, end_year FROM counted
    RETURNING home_locality_id, kind, started_on - extract(day FROM started_on)::int + 1 AS start_month, end_year
  )
  INSERT INTO dashboard_activity_counts AS c (home_locality_id, kind, start_month, end_year, activities)
  SELECT home_locality_id, kind, start_month, end_year, count(*)::int FROM added GROUP BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT dashboard_activity_counts_key DO UPDATE SET activities = c.activities + excluded.activities;

  -- A donation's quantity counts for such a home when it is the activity's own or a live tie's of that home.
  WITH counted AS (
    SELECT DISTINCT a.id, p.home_locality_id, a.started_on
    FROM activities a
    JOIN activity_partnerships ap ON ap.activity_id = a.id
    JOIN partnerships p ON p.id = ap.partnership_id AND p.deleted_at IS NULL
    WHERE a.id IN (SELECT unnest(ids)) AND a.deleted_at IS NULL AND a.status <> 'cancelled' AND a.kind = 'donation'
  ), added AS (
    INSERT INTO dashboard_quantity_facts (quantity_id, home_locality_id, activity_id, item_key, unit_key, started_on, position, item_en, item_zh, unit, amount)
    SELECT q.id, c.home_locality_id, q.activity_id, lower(btrim(q.item_en)), lower(btrim(coalesce(q.unit, ''))), c.started_on,
      q.position, q.item_en, q.item_zh, q.unit, q.amount
    FROM counted c
    JOIN activity_quantities q ON q.activity_id = c.id
    WHERE q.partnership_id IS NULL OR EXISTS (SELECT 1 FROM partnerships p
      WHERE p.id = q.partnership_id AND p.home_locality_id = c.home_locality_id AND p.deleted_at IS NULL)
    RETURNING home_locality_id, item_key, unit_key, started_on - extract(day FROM started_on)::int + 1 AS start_month, activity_id, amount
  )
  INSERT INTO dashboard_donation_totals AS t (home_locality_id, item_key, unit_key, start_month, amount, activities)
  SELECT home_locality_id, item_key, unit_key, start_month, sum(amount), count(DISTINCT activity_id)::int FROM added GROUP BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT dashboard_donation_totals_key
  DO UPDATE SET amount = t.amount + excluded.amount, activities = t.activities + excluded.activities;
END;
$$;
