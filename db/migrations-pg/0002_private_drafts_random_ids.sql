ALTER TABLE "throttle_keys" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "throttle_keys" CASCADE;--> statement-breakpoint
ALTER TABLE "survey_drafts" DROP CONSTRAINT "survey_drafts_invitation_code_id_invitation_codes_id_fk";
--> statement-breakpoint
ALTER TABLE "answers" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "answers" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
ALTER TABLE "answers" ALTER COLUMN "response_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "entity_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "comment_replies" ALTER COLUMN "comment_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "comments" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "comments" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
ALTER TABLE "report_notices" ALTER COLUMN "report_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "report_submissions" ALTER COLUMN "report_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "report_updates" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "report_updates" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
ALTER TABLE "report_updates" ALTER COLUMN "report_id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "merged_into" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "responses" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "responses" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
ALTER TABLE "survey_drafts" DROP COLUMN "answers";--> statement-breakpoint
ALTER TABLE "survey_drafts" DROP COLUMN "invitation_code_id";--> statement-breakpoint
ALTER TABLE "survey_drafts" DROP COLUMN "started_at";