CREATE TYPE "public"."import_row_class" AS ENUM('new', 'update', 'unchanged', 'duplicate', 'error');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('previewing', 'previewed', 'committing', 'committed', 'failed', 'discarded');--> statement-breakpoint
CREATE TABLE "import_rows" (
	"import_id" uuid NOT NULL,
	"run" integer NOT NULL,
	"row_number" integer NOT NULL,
	"class" "import_row_class" NOT NULL,
	"values" jsonb NOT NULL,
	"changes" jsonb,
	"error" text,
	"near_match" text,
	"decision" text,
	CONSTRAINT "import_rows_decision_check" CHECK ("import_rows"."decision" is null or "import_rows"."decision" in ('accept', 'skip'))
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea",
	"kind" text NOT NULL,
	"encoding" text,
	"detected_encoding" text,
	"sheet" text,
	"sheets" text[] DEFAULT '{}' NOT NULL,
	"header" jsonb DEFAULT '[]' NOT NULL,
	"mapping" jsonb DEFAULT '[]' NOT NULL,
	"status" "import_status" DEFAULT 'previewing' NOT NULL,
	"preview_run" integer DEFAULT 1 NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_processed" integer DEFAULT 0 NOT NULL,
	"counts" jsonb,
	"error" text,
	"created_by" uuid,
	"committed_by" uuid,
	"committed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imports_rows_check" CHECK ("imports"."rows_processed" >= 0 and "imports"."rows_total" >= 0)
);
--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_committed_by_users_id_fk" FOREIGN KEY ("committed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_rows_key" ON "import_rows" USING btree ("import_id","run","row_number");--> statement-breakpoint
CREATE INDEX "import_rows_class_idx" ON "import_rows" USING btree ("import_id","run","class","row_number");--> statement-breakpoint
CREATE INDEX "imports_created_idx" ON "imports" USING btree ("created_at");