ALTER TYPE "public"."partnership_type" ADD VALUE 'friendly_cooperation_province' BEFORE 'other';--> statement-breakpoint
ALTER TYPE "public"."partnership_type" ADD VALUE 'sister_county' BEFORE 'other';--> statement-breakpoint
ALTER TYPE "public"."partnership_type" ADD VALUE 'friendly_cooperation_county' BEFORE 'other';--> statement-breakpoint
ALTER TYPE "public"."partnership_type" ADD VALUE 'sister_district' BEFORE 'other';--> statement-breakpoint
ALTER TYPE "public"."partnership_type" ADD VALUE 'friendly_cooperation_district' BEFORE 'other';