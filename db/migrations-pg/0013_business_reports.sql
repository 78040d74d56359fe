ALTER TABLE "report_categories" ADD COLUMN "audience" text DEFAULT 'everyone' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "callback" text;--> statement-breakpoint
ALTER TABLE "report_categories" ADD CONSTRAINT "report_categories_audience_check" CHECK ("report_categories"."audience" is not null and "report_categories"."audience" in ('everyone', 'business'));