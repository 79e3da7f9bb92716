CREATE TABLE "dashboard_activity_counts" (
	"home_locality_id" uuid NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"start_month" date NOT NULL,
	"end_year" integer,
	"activities" integer NOT NULL,
	CONSTRAINT "dashboard_activity_counts_key" UNIQUE NULLS NOT DISTINCT("home_locality_id","kind","start_month","end_year")
);
--> statement-breakpoint
CREATE TABLE "dashboard_activity_facts" (
	"activity_id" uuid NOT NULL,
	"home_locality_id" uuid NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"started_on" date NOT NULL,
	"end_year" integer,
	CONSTRAINT "dashboard_activity_facts_activity_id_home_locality_id_pk" PRIMARY KEY("activity_id","home_locality_id")
);
--> statement-breakpoint
CREATE TABLE "dashboard_donation_totals" (
	"home_locality_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"unit_key" text NOT NULL,
	"start_month" date,
	"amount" numeric NOT NULL,
	"activities" integer NOT NULL,
	CONSTRAINT "dashboard_donation_totals_key" UNIQUE NULLS NOT DISTINCT("home_locality_id","item_key","unit_key","start_month")
);
--> statement-breakpoint
CREATE TABLE "dashboard_quantity_facts" (
	"quantity_id" uuid NOT NULL,
	"home_locality_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"unit_key" text NOT NULL,
	"started_on" date,
	"position" integer NOT NULL,
	"item_en" text NOT NULL,
	"item_zh" text,
	"unit" text,
	"amount" numeric(18, 2) NOT NULL,
	CONSTRAINT "dashboard_quantity_facts_quantity_id_home_locality_id_pk" PRIMARY KEY("quantity_id","home_locality_id")
);
--> statement-breakpoint
CREATE INDEX "dashboard_activity_facts_home_started_idx" ON "dashboard_activity_facts" USING btree ("home_locality_id","started_on");--> statement-breakpoint
CREATE INDEX "dashboard_quantity_facts_activity_idx" ON "dashboard_quantity_facts" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "dashboard_quantity_facts_home_started_idx" ON "dashboard_quantity_facts" USING btree ("home_locality_id","started_on");--> statement-breakpoint
CREATE INDEX "dashboard_quantity_facts_latest_idx" ON "dashboard_quantity_facts" USING btree ("home_locality_id","item_key","unit_key","started_on" DESC NULLS LAST,"position","quantity_id");--> statement-breakpoint
CREATE INDEX "dashboard_quantity_facts_latest_zh_idx" ON "dashboard_quantity_facts" USING btree ("home_locality_id","item_key","unit_key","started_on" DESC NULLS LAST,"position","quantity_id") WHERE "dashboard_quantity_facts"."item_zh" is not null;