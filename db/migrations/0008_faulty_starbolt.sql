DROP TABLE `throttle_keys`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_survey_drafts` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`submitted_at` integer,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_survey_drafts`("token_hash", "survey_id", "expires_at", "submitted_at") SELECT "token_hash", "survey_id", "expires_at", "submitted_at" FROM `survey_drafts`;--> statement-breakpoint
DROP TABLE `survey_drafts`;--> statement-breakpoint
ALTER TABLE `__new_survey_drafts` RENAME TO `survey_drafts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `survey_drafts_expires_idx` ON `survey_drafts` (`expires_at`);--> statement-breakpoint
CREATE TABLE `__new_answers` (
	`id` integer PRIMARY KEY NOT NULL,
	`response_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`item` text,
	`value` text NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_answers`("id", "response_id", "question_id", "item", "value") SELECT "id", "response_id", "question_id", "item", "value" FROM `answers`;--> statement-breakpoint
DROP TABLE `answers`;--> statement-breakpoint
ALTER TABLE `__new_answers` RENAME TO `answers`;--> statement-breakpoint
CREATE INDEX `answers_question_idx` ON `answers` (`question_id`,`item`,`value`);--> statement-breakpoint
CREATE INDEX `answers_response_idx` ON `answers` (`response_id`);--> statement-breakpoint
CREATE TABLE `__new_comments` (
	`id` integer PRIMARY KEY NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	`author_name` text,
	`body` text NOT NULL,
	`masks` text DEFAULT '[]' NOT NULL,
	`locale` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`posted_on` text NOT NULL,
	`reject_reason` text,
	`moderated_by` integer,
	`moderated_at` integer,
	FOREIGN KEY (`moderated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "comments_target_check" CHECK("__new_comments"."target_type" in ('initiative', 'event')),
	CONSTRAINT "comments_status_check" CHECK("__new_comments"."status" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "comments_locale_check" CHECK("__new_comments"."locale" in ('da', 'en')),
	CONSTRAINT "comments_body_check" CHECK(length("__new_comments"."body") between 1 and 2000)
);
--> statement-breakpoint
INSERT INTO `__new_comments`("id", "target_type", "target_id", "author_name", "body", "masks", "locale", "status", "posted_on", "reject_reason", "moderated_by", "moderated_at") SELECT "id", "target_type", "target_id", "author_name", "body", "masks", "locale", "status", "posted_on", "reject_reason", "moderated_by", "moderated_at" FROM `comments`;--> statement-breakpoint
DROP TABLE `comments`;--> statement-breakpoint
ALTER TABLE `__new_comments` RENAME TO `comments`;--> statement-breakpoint
CREATE INDEX `comments_target_idx` ON `comments` (`target_type`,`target_id`,`status`);--> statement-breakpoint
CREATE INDEX `comments_status_idx` ON `comments` (`status`);--> statement-breakpoint
CREATE TABLE `__new_report_updates` (
	`id` integer PRIMARY KEY NOT NULL,
	`report_id` integer NOT NULL,
	`status` text NOT NULL,
	`public_note` text,
	`internal_note` text,
	`user_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_report_updates`("id", "report_id", "status", "public_note", "internal_note", "user_id", "created_at") SELECT "id", "report_id", "status", "public_note", "internal_note", "user_id", "created_at" FROM `report_updates`;--> statement-breakpoint
DROP TABLE `report_updates`;--> statement-breakpoint
ALTER TABLE `__new_report_updates` RENAME TO `report_updates`;--> statement-breakpoint
CREATE INDEX `report_updates_report_idx` ON `report_updates` (`report_id`);--> statement-breakpoint
CREATE TABLE `__new_reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`receipt` text NOT NULL,
	`category_id` integer NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`place_name` text,
	`area_id` integer NOT NULL,
	`time_of_day` text NOT NULL,
	`weekday` integer,
	`description` text DEFAULT '' NOT NULL,
	`masks` text DEFAULT '[]' NOT NULL,
	`reporter_type` text NOT NULL,
	`email` text,
	`status` text DEFAULT 'received' NOT NULL,
	`forwarded_to` integer,
	`merged_into` integer,
	`initiative_id` integer,
	`created_on` text NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `report_categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`forwarded_to`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "reports_status_check" CHECK("__new_reports"."status" in ('received', 'forwarded', 'in_progress', 'handled', 'not_possible', 'rejected', 'merged')),
	CONSTRAINT "reports_time_check" CHECK("__new_reports"."time_of_day" in ('morning', 'daytime', 'evening', 'night', 'often')),
	CONSTRAINT "reports_reporter_check" CHECK("__new_reports"."reporter_type" in ('resident', 'business', 'works_here', 'visitor')),
	CONSTRAINT "reports_weekday_check" CHECK("__new_reports"."weekday" is null or "__new_reports"."weekday" between 1 and 7),
	CONSTRAINT "reports_description_check" CHECK(length("__new_reports"."description") <= 1000)
);
--> statement-breakpoint
INSERT INTO `__new_reports`("id", "receipt", "category_id", "lat", "lon", "place_name", "area_id", "time_of_day", "weekday", "description", "masks", "reporter_type", "email", "status", "forwarded_to", "merged_into", "initiative_id", "created_on", "demo") SELECT "id", "receipt", "category_id", "lat", "lon", "place_name", "area_id", "time_of_day", "weekday", "description", "masks", "reporter_type", "email", "status", "forwarded_to", "merged_into", "initiative_id", "created_on", "demo" FROM `reports`;--> statement-breakpoint
DROP TABLE `reports`;--> statement-breakpoint
ALTER TABLE `__new_reports` RENAME TO `reports`;--> statement-breakpoint
CREATE UNIQUE INDEX `reports_receipt_unique` ON `reports` (`receipt`);--> statement-breakpoint
CREATE INDEX `reports_status_idx` ON `reports` (`status`);--> statement-breakpoint
CREATE INDEX `reports_area_idx` ON `reports` (`area_id`,`created_on`);--> statement-breakpoint
CREATE TABLE `__new_responses` (
	`id` integer PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`channel` text NOT NULL,
	`submitted_on` text NOT NULL,
	`area_id` integer,
	`suspicious` integer DEFAULT false NOT NULL,
	`flags` text DEFAULT '[]' NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "responses_channel_check" CHECK("__new_responses"."channel" in ('web', 'paper', 'phone'))
);
--> statement-breakpoint
INSERT INTO `__new_responses`("id", "survey_id", "channel", "submitted_on", "area_id", "suspicious", "flags", "demo") SELECT "id", "survey_id", "channel", "submitted_on", "area_id", "suspicious", "flags", "demo" FROM `responses`;--> statement-breakpoint
DROP TABLE `responses`;--> statement-breakpoint
ALTER TABLE `__new_responses` RENAME TO `responses`;--> statement-breakpoint
CREATE INDEX `responses_survey_idx` ON `responses` (`survey_id`,`submitted_on`);--> statement-breakpoint
CREATE INDEX `responses_area_idx` ON `responses` (`survey_id`,`area_id`);