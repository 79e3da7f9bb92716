ALTER TABLE "agreement_files" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "is_public" boolean DEFAULT true NOT NULL;