-- Keeps the dashboard summaries (migration 0011's tables) in step with every write, in the writer's transaction:
-- see db/queries/dashboard-core.ts for the design. dashboard_refresh_activities(ids) replaces the facts of those
-- activities with what the base tables say now, taking the old facts' counts out of the summaries and putting the
-- new ones in; every trigger below calls it with the activities a statement touched, once per statement.
CREATE FUNCTION dashboard_refresh_activities(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- One refresh of an activity at a time: a second transaction waits here, then reads what the first committed.
  PERFORM 1 FROM activities WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;

  WITH gone AS (
    DELETE FROM dashboard_activity_facts WHERE activity_id = ANY(ids)
    RETURNING home_locality_id, kind, started_on - extract(day FROM started_on)::int + 1 AS start_month, end_year
  ), cells AS (
    SELECT home_locality_id, kind, start_month, end_year, count(*)::int AS n FROM gone GROUP BY 1, 2, 3, 4
  )
  UPDATE dashboard_activity_counts c SET activities = c.activities - cells.n
  FROM cells
  WHERE c.home_locality_id = cells.home_locality_id AND c.kind = cells.kind AND c.start_month = cells.start_month
    AND c.end_year IS NOT DISTINCT FROM cells.end_year;

  WITH gone AS (
    DELETE FROM dashboard_quantity_facts WHERE activity_id = ANY(ids)
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
    WHERE a.id = ANY(ids) AND a.deleted_at IS NULL AND a.status <> 'cancelled' AND a.started_on IS NOT NULL
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
    WHERE a.id = ANY(ids) AND a.deleted_at IS NULL AND a.status <> 'cancelled' AND a.kind = 'donation'
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
--> statement-breakpoint
-- Every summary rebuilt from the base tables: after a TRUNCATE, and to fill them from the data already there.
CREATE FUNCTION dashboard_rebuild_summaries() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM dashboard_activity_facts;
  DELETE FROM dashboard_activity_counts;
  DELETE FROM dashboard_quantity_facts;
  DELETE FROM dashboard_donation_totals;
  PERFORM dashboard_refresh_activities(array(SELECT id FROM activities));
END;
$$;
--> statement-breakpoint
CREATE FUNCTION dashboard_activities_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM dashboard_refresh_activities(array(SELECT id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM dashboard_refresh_activities(array(SELECT id FROM old_rows));
  ELSE
    -- Only what the figures read: an edit of a title or a note leaves the summaries alone.
    PERFORM dashboard_refresh_activities(array(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.kind, n.status, n.started_on, n.ended_on, n.deleted_at IS NULL)
        IS DISTINCT FROM (o.kind, o.status, o.started_on, o.ended_on, o.deleted_at IS NULL)
      UNION SELECT id FROM new_rows WHERE id NOT IN (SELECT id FROM old_rows)
      UNION SELECT id FROM old_rows WHERE id NOT IN (SELECT id FROM new_rows)));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION dashboard_activity_rows_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM dashboard_refresh_activities(array(SELECT DISTINCT activity_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM dashboard_refresh_activities(array(SELECT DISTINCT activity_id FROM old_rows));
  ELSE
    PERFORM dashboard_refresh_activities(array(SELECT activity_id FROM new_rows UNION SELECT activity_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A tie deleted, restored or moved to another home changes the figures of every activity linked to it, and of
-- every activity with a quantity of it.
CREATE FUNCTION dashboard_partnerships_written() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid[];
BEGIN
  changed := array(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.home_locality_id, n.deleted_at IS NULL) IS DISTINCT FROM (o.home_locality_id, o.deleted_at IS NULL)
       OR n.id NOT IN (SELECT id FROM old_rows));
  IF cardinality(changed) > 0 THEN
    PERFORM dashboard_refresh_activities(array(
      SELECT activity_id FROM activity_partnerships WHERE partnership_id = ANY(changed)
      UNION SELECT activity_id FROM activity_quantities WHERE partnership_id = ANY(changed)));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION dashboard_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_rebuild_summaries();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dashboard_activities_inserted AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_activities_written();
--> statement-breakpoint
CREATE TRIGGER dashboard_activities_updated AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_activities_written();
--> statement-breakpoint
CREATE TRIGGER dashboard_activities_deleted AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_activities_written();
--> statement-breakpoint
CREATE TRIGGER dashboard_activity_partnerships_inserted AFTER INSERT ON activity_partnerships REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_activity_rows_written();
--> statement-breakpoint
CREATE TRIGGER dashboard_activity_partnerships_updated AFTER UPDATE ON activity_partnerships REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_activity_rows_written();
--> statement-breakpoint
CREATE TRIGGER dashboard_activity_partnerships_deleted AFTER DELETE ON activity_partnerships REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_activity_rows_written();
--> statement-breakpoint
CREATE TRIGGER dashboard_activity_quantities_inserted AFTER INSERT ON activity_quantities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_activity_rows_written();
--> statement-breakpoint
CREATE TRIGGER dashboard_activity_quantities_updated AFTER UPDATE ON activity_quantities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_activity_rows_written();
--> statement-breakpoint
CREATE TRIGGER dashboard_activity_quantities_deleted AFTER DELETE ON activity_quantities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_activity_rows_written();
--> statement-breakpoint
CREATE TRIGGER dashboard_partnerships_updated AFTER UPDATE ON partnerships REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_partnerships_written();
--> statement-breakpoint
CREATE TRIGGER dashboard_activities_truncated AFTER TRUNCATE ON activities FOR EACH STATEMENT EXECUTE FUNCTION dashboard_truncated();
--> statement-breakpoint
CREATE TRIGGER dashboard_activity_partnerships_truncated AFTER TRUNCATE ON activity_partnerships FOR EACH STATEMENT EXECUTE FUNCTION dashboard_truncated();
--> statement-breakpoint
CREATE TRIGGER dashboard_activity_quantities_truncated AFTER TRUNCATE ON activity_quantities FOR EACH STATEMENT EXECUTE FUNCTION dashboard_truncated();
--> statement-breakpoint
SELECT dashboard_rebuild_summaries();
