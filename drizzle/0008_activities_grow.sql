CREATE TYPE "public"."activity_direction" AS ENUM('outgoing', 'incoming', 'mutual');--> statement-breakpoint
CREATE TYPE "public"."activity_status" AS ENUM('planned', 'ongoing', 'completed', 'cancelled');--> statement-breakpoint
CREATE TABLE "activity_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"occurred_on" date,
	"occurred_precision" date_precision,
	"title_en" text NOT NULL,
	"title_zh" text,
	"note" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_milestones_precision_with_date" CHECK (("activity_milestones"."occurred_on" is null) = ("activity_milestones"."occurred_precision" is null))
);
--> statement-breakpoint
CREATE TABLE "activity_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"name_en" text NOT NULL,
	"name_zh" text,
	"role_en" text,
	"role_zh" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"display_media_type" text NOT NULL,
	"display_width" integer NOT NULL,
	"display_height" integer NOT NULL,
	"display_content" "bytea" NOT NULL,
	"caption_en" text,
	"caption_zh" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "activity_quantities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"partnership_id" uuid,
	"item_en" text NOT NULL,
	"item_zh" text,
	"amount" numeric(18, 2) NOT NULL,
	"unit" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_quantities_non_negative" CHECK ("activity_quantities"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "activity_partnerships" DROP CONSTRAINT "activity_partnerships_share_range";--> statement-breakpoint
ALTER TABLE "activities" ALTER COLUMN "kind" SET DATA TYPE text;--> statement-breakpoint
-- The kinds renamed: a cultural exchange or an event is a cultural event; an economic exchange a trade mission.
UPDATE "activities" SET "kind" = CASE "kind" WHEN 'cultural_exchange' THEN 'cultural_event' WHEN 'event' THEN 'cultural_event' WHEN 'economic_trade' THEN 'economic_trade_mission' ELSE "kind" END;--> statement-breakpoint
DROP TYPE "public"."activity_kind";--> statement-breakpoint
CREATE TYPE "public"."activity_kind" AS ENUM('donation', 'project', 'delegation_visit', 'cultural_event', 'education_exchange', 'economic_trade_mission', 'health_cooperation', 'sports', 'youth', 'correspondence', 'other');--> statement-breakpoint
ALTER TABLE "activities" ALTER COLUMN "kind" SET DATA TYPE "public"."activity_kind" USING "kind"::"public"."activity_kind";--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "status" "activity_status" DEFAULT 'completed' NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "direction" "activity_direction" DEFAULT 'outgoing' NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "ended_precision" date_precision;--> statement-breakpoint
-- An end date recorded before precisions existed was given as a day.
UPDATE "activities" SET "ended_precision" = 'day' WHERE "ended_on" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "place_en" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "place_zh" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "value_amount" numeric(18, 2);--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "value_currency" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "participants" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "links" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "internal_notes" text;--> statement-breakpoint
ALTER TABLE "activity_partnerships" ADD COLUMN "status" "activity_status" DEFAULT 'completed' NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_partnerships" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_milestones" ADD CONSTRAINT "activity_milestones_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_organisations" ADD CONSTRAINT "activity_organisations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_photos" ADD CONSTRAINT "activity_photos_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_photos" ADD CONSTRAINT "activity_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_photos" ADD CONSTRAINT "activity_photos_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_quantities" ADD CONSTRAINT "activity_quantities_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_quantities" ADD CONSTRAINT "activity_quantities_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_milestones_activity_idx" ON "activity_milestones" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "activity_organisations_activity_idx" ON "activity_organisations" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "activity_photos_activity_idx" ON "activity_photos" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "activity_quantities_activity_idx" ON "activity_quantities" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "activity_quantities_partnership_idx" ON "activity_quantities" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "activities_kind_idx" ON "activities" USING btree ("kind","started_on");--> statement-breakpoint
CREATE INDEX "activities_status_idx" ON "activities" USING btree ("status");--> statement-breakpoint
ALTER TABLE "activity_partnerships" DROP COLUMN "share_percent";--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_end_precision_with_date" CHECK (("activities"."ended_on" is null) = ("activities"."ended_precision" is null));--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_value_currency" CHECK (("activities"."value_amount" is null) = ("activities"."value_currency" is null) and ("activities"."value_currency" is null or "activities"."value_currency" ~ '^[A-Z]{3}$'));--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_value_non_negative" CHECK ("activities"."value_amount" is null or "activities"."value_amount" >= 0);--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_participants_non_negative" CHECK ("activities"."participants" is null or "activities"."participants" >= 0);