CREATE TYPE "public"."approval_level" AS ENUM('city', 'province', 'national');--> statement-breakpoint
CREATE TYPE "public"."ending_party" AS ENUM('home', 'partner', 'mutual');--> statement-breakpoint
CREATE TYPE "public"."lifecycle_event_kind" AS ENUM('status', 'approval', 'upgrade');--> statement-breakpoint
CREATE TYPE "public"."locality_name_kind" AS ENUM('renamed', 'merged');--> statement-breakpoint
CREATE TABLE "locality_names" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"kind" "locality_name_kind" DEFAULT 'renamed' NOT NULL,
	"name_en" text NOT NULL,
	"name_zh" text,
	"folded" text NOT NULL,
	"used_from" date,
	"used_from_precision" date_precision,
	"used_until" date,
	"used_until_precision" date_precision,
	"merged_locality_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locality_names_from_precision" CHECK (("locality_names"."used_from" is null) = ("locality_names"."used_from_precision" is null)),
	CONSTRAINT "locality_names_until_precision" CHECK (("locality_names"."used_until" is null) = ("locality_names"."used_until_precision" is null)),
	CONSTRAINT "locality_names_order" CHECK ("locality_names"."used_from" is null or "locality_names"."used_until" is null or "locality_names"."used_from" <= "locality_names"."used_until")
);
--> statement-breakpoint
CREATE TABLE "agreement_file_parts" (
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "agreement_file_parts_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
ALTER TABLE "partnership_status_events" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "partnerships" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "partnerships" ALTER COLUMN "status" SET DEFAULT 'active'::text;--> statement-breakpoint
-- The statuses renamed by the lifecycle: a tie with no contact for years has lapsed; an ended one was terminated.
UPDATE "partnerships" SET "status" = CASE "status" WHEN 'dormant' THEN 'lapsed' WHEN 'ended' THEN 'terminated' ELSE "status" END;--> statement-breakpoint
UPDATE "partnership_status_events" SET "status" = CASE "status" WHEN 'dormant' THEN 'lapsed' WHEN 'ended' THEN 'terminated' ELSE "status" END;--> statement-breakpoint
DROP TYPE "public"."partnership_status";--> statement-breakpoint
CREATE TYPE "public"."partnership_status" AS ENUM('proposed', 'negotiating', 'letter_of_intent', 'approved', 'signed', 'active', 'paused', 'suspended', 'terminated', 'lapsed');--> statement-breakpoint
ALTER TABLE "partnership_status_events" ALTER COLUMN "status" SET DATA TYPE "public"."partnership_status" USING "status"::"public"."partnership_status";--> statement-breakpoint
ALTER TABLE "partnerships" ALTER COLUMN "status" SET DEFAULT 'active'::"public"."partnership_status";--> statement-breakpoint
ALTER TABLE "partnerships" ALTER COLUMN "status" SET DATA TYPE "public"."partnership_status" USING "status"::"public"."partnership_status";--> statement-breakpoint
ALTER TABLE "agreement_files" ALTER COLUMN "agreement_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "localities" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "partnership_status_events" ADD COLUMN "kind" "lifecycle_event_kind" DEFAULT 'status' NOT NULL;--> statement-breakpoint
ALTER TABLE "partnership_status_events" ADD COLUMN "review_on" date;--> statement-breakpoint
ALTER TABLE "partnership_status_events" ADD COLUMN "ended_by" "ending_party";--> statement-breakpoint
ALTER TABLE "partnership_status_events" ADD COLUMN "decision" text;--> statement-breakpoint
ALTER TABLE "partnership_status_events" ADD COLUMN "approval_level" "approval_level";--> statement-breakpoint
ALTER TABLE "partnership_status_events" ADD COLUMN "approval_body" text;--> statement-breakpoint
ALTER TABLE "partnership_status_events" ADD COLUMN "from_type" "partnership_type";--> statement-breakpoint
ALTER TABLE "partnership_status_events" ADD COLUMN "to_type" "partnership_type";--> statement-breakpoint
ALTER TABLE "partnership_status_events" ADD COLUMN "agreement_id" uuid;--> statement-breakpoint
ALTER TABLE "agreement_files" ADD COLUMN "status_event_id" uuid;--> statement-breakpoint
ALTER TABLE "agreement_files" ADD COLUMN "deleted_by" uuid;--> statement-breakpoint
ALTER TABLE "locality_names" ADD CONSTRAINT "locality_names_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locality_names" ADD CONSTRAINT "locality_names_merged_locality_id_localities_id_fk" FOREIGN KEY ("merged_locality_id") REFERENCES "public"."localities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_file_parts" ADD CONSTRAINT "agreement_file_parts_file_id_agreement_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."agreement_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "locality_names_locality_idx" ON "locality_names" USING btree ("locality_id");--> statement-breakpoint
CREATE INDEX "locality_names_folded_idx" ON "locality_names" USING btree ("folded");--> statement-breakpoint
ALTER TABLE "localities" ADD CONSTRAINT "localities_merged_into_id_localities_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."localities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_status_events" ADD CONSTRAINT "partnership_status_events_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_files" ADD CONSTRAINT "agreement_files_status_event_id_partnership_status_events_id_fk" FOREIGN KEY ("status_event_id") REFERENCES "public"."partnership_status_events"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_files" ADD CONSTRAINT "agreement_files_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_files_status_event_idx" ON "agreement_files" USING btree ("status_event_id");--> statement-breakpoint
-- Stored files move into parts of 1 MiB, in order.
INSERT INTO "agreement_file_parts" ("file_id", "seq", "content")
SELECT f."id", i, substring(f."content" FROM i * 1048576 + 1 FOR 1048576)
FROM "agreement_files" f, generate_series(0, greatest(ceil(length(f."content") / 1048576.0)::int - 1, 0)) AS i;--> statement-breakpoint
ALTER TABLE "agreement_files" DROP COLUMN "content";--> statement-breakpoint
ALTER TABLE "partnership_status_events" ADD CONSTRAINT "partnership_status_events_upgrade_types" CHECK (("partnership_status_events"."kind" = 'upgrade') = ("partnership_status_events"."from_type" is not null and "partnership_status_events"."to_type" is not null));--> statement-breakpoint
ALTER TABLE "partnership_status_events" ADD CONSTRAINT "partnership_status_events_approval_level" CHECK ("partnership_status_events"."kind" = 'approval' or "partnership_status_events"."approval_level" is null);--> statement-breakpoint
ALTER TABLE "agreement_files" ADD CONSTRAINT "agreement_files_one_owner" CHECK (("agreement_files"."agreement_id" is null) <> ("agreement_files"."status_event_id" is null));