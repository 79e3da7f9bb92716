ALTER TABLE "partnership_status_events" ADD COLUMN "effective_precision" date_precision;--> statement-breakpoint
-- Existing events: an event dated on its tie's date established has that date's precision (the seed dates a
-- year-only tie's first event 1 January); any other dated event was given as a day.
UPDATE "partnership_status_events" e SET "effective_precision" = coalesce(
  (SELECT p."established_precision" FROM "partnerships" p WHERE p."id" = e."partnership_id" AND p."established_on" = e."effective_on"),
  'day')
WHERE e."effective_on" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "partnership_status_events" ADD CONSTRAINT "partnership_status_events_precision_with_date" CHECK (("partnership_status_events"."effective_on" is null) = ("partnership_status_events"."effective_precision" is null));
