CREATE TYPE "public"."activity_kind" AS ENUM('donation', 'project', 'delegation_visit', 'cultural_exchange', 'education_exchange', 'economic_trade', 'event', 'other');--> statement-breakpoint
CREATE TYPE "public"."agreement_kind" AS ENUM('letter_of_intent', 'mou', 'formal_agreement', 'renewal', 'termination', 'other');--> statement-breakpoint
CREATE TYPE "public"."cooperation_field" AS ENUM('economy', 'trade', 'investment', 'culture', 'tourism', 'science_technology', 'education', 'vocational_training', 'health', 'infrastructure', 'transport', 'environment', 'agriculture', 'sports', 'youth', 'media', 'public_relations', 'urban_governance', 'other');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('year', 'month', 'day');--> statement-breakpoint
CREATE TYPE "public"."locality_level" AS ENUM('city', 'province', 'county', 'district', 'region');--> statement-breakpoint
CREATE TYPE "public"."partnership_status" AS ENUM('proposed', 'negotiating', 'signed', 'active', 'dormant', 'ended');--> statement-breakpoint
CREATE TYPE "public"."partnership_type" AS ENUM('sister_city', 'friendly_cooperation_city', 'sister_province', 'other');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'editor', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."signatory_side" AS ENUM('home', 'partner');--> statement-breakpoint
CREATE TABLE "localities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name_en" text NOT NULL,
	"name_zh" text,
	"level" "locality_level" DEFAULT 'city' NOT NULL,
	"country_code" text NOT NULL,
	"parent_id" uuid,
	"latitude" double precision,
	"longitude" double precision,
	"wikidata_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "localities_country_code_check" CHECK ("localities"."country_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "localities_latitude_check" CHECK ("localities"."latitude" between -90 and 90),
	CONSTRAINT "localities_longitude_check" CHECK ("localities"."longitude" between -180 and 180),
	CONSTRAINT "localities_wikidata_check" CHECK ("localities"."wikidata_id" ~ '^Q[0-9]+$')
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"session_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"ip" text,
	"succeeded" boolean NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" DEFAULT 'viewer' NOT NULL,
	"password_hash" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"totp_secret" text,
	"totp_enabled_at" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"home_locality_id" uuid,
	"require_totp" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settings_single_row" CHECK ("settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "partnership_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"status" "partnership_status" NOT NULL,
	"effective_on" date,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"home_locality_id" uuid NOT NULL,
	"partner_locality_id" uuid NOT NULL,
	"type" "partnership_type" NOT NULL,
	"status" "partnership_status" DEFAULT 'active' NOT NULL,
	"established_on" date,
	"established_precision" date_precision,
	"established_basis" text,
	"cooperation_fields" "cooperation_field"[] DEFAULT '{}' NOT NULL,
	"summary_en" text,
	"summary_zh" text,
	"internal_notes" text,
	"sources" text[] DEFAULT '{}' NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "partnerships_distinct_sides" CHECK ("partnerships"."home_locality_id" <> "partnerships"."partner_locality_id"),
	CONSTRAINT "partnerships_precision_with_date" CHECK (("partnerships"."established_on" is null) = ("partnerships"."established_precision" is null))
);
--> statement-breakpoint
CREATE TABLE "agreement_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "agreement_signatories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"side" "signatory_side" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"name_en" text NOT NULL,
	"name_zh" text,
	"title_en" text,
	"title_zh" text
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" "agreement_kind" NOT NULL,
	"title_en" text NOT NULL,
	"title_zh" text,
	"signed_on" date,
	"signed_precision" date_precision,
	"signed_place_en" text,
	"signed_place_zh" text,
	"term_ends_on" date,
	"cooperation_fields" "cooperation_field"[] DEFAULT '{}' NOT NULL,
	"summary_en" text,
	"summary_zh" text,
	"sources" text[] DEFAULT '{}' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "agreements_precision_with_date" CHECK (("agreements"."signed_on" is null) = ("agreements"."signed_precision" is null)),
	CONSTRAINT "agreements_term_after_signing" CHECK ("agreements"."term_ends_on" is null or "agreements"."signed_on" is null or "agreements"."term_ends_on" >= "agreements"."signed_on")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"title_en" text NOT NULL,
	"title_zh" text,
	"description_en" text,
	"description_zh" text,
	"started_on" date,
	"started_precision" date_precision,
	"ended_on" date,
	"cooperation_fields" "cooperation_field"[] DEFAULT '{}' NOT NULL,
	"sources" text[] DEFAULT '{}' NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "activities_precision_with_date" CHECK (("activities"."started_on" is null) = ("activities"."started_precision" is null)),
	CONSTRAINT "activities_end_after_start" CHECK ("activities"."ended_on" is null or "activities"."started_on" is null or "activities"."ended_on" >= "activities"."started_on")
);
--> statement-breakpoint
CREATE TABLE "activity_partnerships" (
	"activity_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"share_percent" numeric(5, 2) DEFAULT '100' NOT NULL,
	CONSTRAINT "activity_partnerships_activity_id_partnership_id_pk" PRIMARY KEY("activity_id","partnership_id"),
	CONSTRAINT "activity_partnerships_share_range" CHECK ("activity_partnerships"."share_percent" > 0 and "activity_partnerships"."share_percent" <= 100)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_email" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text
);
--> statement-breakpoint
ALTER TABLE "localities" ADD CONSTRAINT "localities_parent_id_localities_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."localities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_home_locality_id_localities_id_fk" FOREIGN KEY ("home_locality_id") REFERENCES "public"."localities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_status_events" ADD CONSTRAINT "partnership_status_events_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_status_events" ADD CONSTRAINT "partnership_status_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_home_locality_id_localities_id_fk" FOREIGN KEY ("home_locality_id") REFERENCES "public"."localities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_partner_locality_id_localities_id_fk" FOREIGN KEY ("partner_locality_id") REFERENCES "public"."localities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_files" ADD CONSTRAINT "agreement_files_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_files" ADD CONSTRAINT "agreement_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatories" ADD CONSTRAINT "agreement_signatories_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_partnerships" ADD CONSTRAINT "activity_partnerships_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_partnerships" ADD CONSTRAINT "activity_partnerships_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "localities_slug_key" ON "localities" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "localities_country_idx" ON "localities" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "localities_parent_idx" ON "localities" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_idx" ON "sign_in_attempts" USING btree (lower("email"),"attempted_at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_idx" ON "sign_in_attempts" USING btree ("ip","attempted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "partnership_status_events_partnership_idx" ON "partnership_status_events" USING btree ("partnership_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "partnerships_slug_key" ON "partnerships" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "partnerships_pair_type_key" ON "partnerships" USING btree ("home_locality_id","partner_locality_id","type") WHERE "partnerships"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "partnerships_home_idx" ON "partnerships" USING btree ("home_locality_id");--> statement-breakpoint
CREATE INDEX "partnerships_partner_idx" ON "partnerships" USING btree ("partner_locality_id");--> statement-breakpoint
CREATE INDEX "agreement_files_agreement_idx" ON "agreement_files" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_signatories_agreement_idx" ON "agreement_signatories" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreements_partnership_idx" ON "agreements" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activities_slug_key" ON "activities" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "activities_started_idx" ON "activities" USING btree ("started_on");--> statement-breakpoint
CREATE INDEX "activity_partnerships_partnership_idx" ON "activity_partnerships" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_idx" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","occurred_at");