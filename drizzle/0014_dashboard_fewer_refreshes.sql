-- Fewer refreshes per write (db/queries/dashboard-core.ts has the design). A new activity has neither partners nor
-- quantities yet (they reference it) and no facts, so the refresh on its insert had nothing to do: the inserts of
-- its partners and quantities refresh it.
DROP TRIGGER dashboard_activities_inserted ON activities;
--> statement-breakpoint
-- Partner and quantity rows written for activities with no partners and no facts (an edit deletes the partners,
-- then the quantities) change no figure, so their statement skips the refresh; small statements only, a bulk one
-- goes straight to the set-based refresh. The activities are locked first, as the refresh would, so a concurrent
-- refresh of one of them still waits for this transaction.
CREATE OR REPLACE FUNCTION dashboard_activity_rows_written() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := array(SELECT DISTINCT activity_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ids := array(SELECT DISTINCT activity_id FROM old_rows);
  ELSE
    ids := array(SELECT activity_id FROM new_rows UNION SELECT activity_id FROM old_rows);
  END IF;
  IF cardinality(ids) <= 100 THEN
    PERFORM 1 FROM activities WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    IF NOT EXISTS (SELECT 1 FROM activity_partnerships WHERE activity_id = ANY(ids))
       AND NOT EXISTS (SELECT 1 FROM dashboard_activity_facts WHERE activity_id = ANY(ids))
       AND NOT EXISTS (SELECT 1 FROM dashboard_quantity_facts WHERE activity_id = ANY(ids)) THEN
      RETURN NULL;
    END IF;
  END IF;
  PERFORM dashboard_refresh_activities(ids);
  RETURN NULL;
END;
$$;
