ALTER TABLE "partners" ADD COLUMN "mailbox" text;--> statement-breakpoint
ALTER TABLE "report_categories" ADD COLUMN "partner_id" integer;--> statement-breakpoint
ALTER TABLE "report_notices" ADD COLUMN "recipient" text DEFAULT 'reporter' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_updates" ADD COLUMN "partner_id" integer;--> statement-breakpoint
ALTER TABLE "report_categories" ADD CONSTRAINT "report_categories_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_updates" ADD CONSTRAINT "report_updates_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_forwarded_idx" ON "reports" USING btree ("forwarded_to","status");--> statement-breakpoint
ALTER TABLE "report_notices" ADD CONSTRAINT "report_notices_recipient_check" CHECK ("report_notices"."recipient" in ('reporter', 'partner'));