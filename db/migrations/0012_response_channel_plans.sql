-- Backfill of responses.channel (web/paper/phone → invitation/open/paper): paper and phone become
-- 'paper'; a web response becomes 'invitation' in a wave of mode 'invitation' (only codes could answer)
-- and 'open' otherwise (in a 'both' wave the code was not recorded, so it is not claimed as invited).
CREATE TABLE `analysis_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`plan` text NOT NULL,
	`locked_at` integer DEFAULT (unixepoch()) NOT NULL,
	`locked_by` integer,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`locked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analysis_plans_survey_id_unique` ON `analysis_plans` (`survey_id`);--> statement-breakpoint
CREATE TABLE `plan_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`goal_id` integer NOT NULL,
	`kind` text NOT NULL,
	`before` text,
	`after` text,
	`reason` text NOT NULL,
	`changed_at` integer DEFAULT (unixepoch()) NOT NULL,
	`changed_by` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `analysis_plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_changes_kind_check" CHECK("plan_changes"."kind" in ('edit', 'add', 'remove')),
	CONSTRAINT "plan_changes_reason_check" CHECK(length("plan_changes"."reason") > 0)
);
--> statement-breakpoint
CREATE INDEX `plan_changes_goal_idx` ON `plan_changes` (`goal_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_responses` (
	`id` integer PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`channel` text NOT NULL,
	`cell_key` integer DEFAULT 0 NOT NULL,
	`submitted_on` text NOT NULL,
	`area_id` integer,
	`suspicious` integer DEFAULT false NOT NULL,
	`flags` text DEFAULT '[]' NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "responses_channel_check" CHECK("__new_responses"."channel" in ('invitation', 'open', 'paper'))
);
--> statement-breakpoint
INSERT INTO `__new_responses`("id", "survey_id", "channel", "cell_key", "submitted_on", "area_id", "suspicious", "flags", "demo") SELECT "id", "survey_id", CASE WHEN "channel" IN ('paper', 'phone') THEN 'paper' WHEN (SELECT "mode" FROM `surveys` WHERE `surveys`.`id` = `responses`.`survey_id`) = 'invitation' THEN 'invitation' ELSE 'open' END, "cell_key", "submitted_on", "area_id", "suspicious", "flags", "demo" FROM `responses`;--> statement-breakpoint
DROP TABLE `responses`;--> statement-breakpoint
ALTER TABLE `__new_responses` RENAME TO `responses`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `responses_survey_idx` ON `responses` (`survey_id`,`submitted_on`);--> statement-breakpoint
CREATE INDEX `responses_area_idx` ON `responses` (`survey_id`,`area_id`);