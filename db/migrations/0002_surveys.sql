CREATE TABLE `answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`response_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`item` text,
	`value` text NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `answers_question_idx` ON `answers` (`question_id`,`item`,`value`);--> statement-breakpoint
CREATE INDEX `answers_response_idx` ON `answers` (`response_id`);--> statement-breakpoint
CREATE TABLE `invitation_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`code` text NOT NULL,
	`batch` integer NOT NULL,
	`used` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitation_codes_code_unique` ON `invitation_codes` (`code`);--> statement-breakpoint
CREATE INDEX `invitation_codes_survey_idx` ON `invitation_codes` (`survey_id`,`used`);--> statement-breakpoint
CREATE TABLE `questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`page_id` integer NOT NULL,
	`position` integer NOT NULL,
	`key` text NOT NULL,
	`type` text NOT NULL,
	`text_da` text NOT NULL,
	`text_en` text,
	`help_da` text,
	`help_en` text,
	`required` integer DEFAULT false NOT NULL,
	`allow_dont_know` integer DEFAULT false NOT NULL,
	`allow_prefer_not` integer DEFAULT false NOT NULL,
	`config` text NOT NULL,
	`show_if` text,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`page_id`) REFERENCES `survey_pages`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "questions_type_check" CHECK("questions"."type" in ('single', 'multi', 'scale', 'matrix', 'text', 'number', 'area', 'places')),
	CONSTRAINT "questions_key_check" CHECK("questions"."key" not glob '*[^a-z0-9_]*' and length("questions"."key") > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questions_key_idx` ON `questions` (`survey_id`,`key`);--> statement-breakpoint
CREATE INDEX `questions_page_idx` ON `questions` (`page_id`,`position`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`channel` text NOT NULL,
	`submitted_on` text NOT NULL,
	`area_id` integer,
	`suspicious` integer DEFAULT false NOT NULL,
	`flags` text DEFAULT '[]' NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "responses_channel_check" CHECK("responses"."channel" in ('web', 'paper', 'phone'))
);
--> statement-breakpoint
CREATE INDEX `responses_survey_idx` ON `responses` (`survey_id`,`submitted_on`);--> statement-breakpoint
CREATE TABLE `survey_areas` (
	`survey_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	PRIMARY KEY(`survey_id`, `area_id`),
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `survey_drafts` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`answers` text NOT NULL,
	`invitation_code_id` integer,
	`started_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`submitted_at` integer,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invitation_code_id`) REFERENCES `invitation_codes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `survey_drafts_expires_idx` ON `survey_drafts` (`expires_at`);--> statement-breakpoint
CREATE TABLE `survey_pages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title_da` text NOT NULL,
	`title_en` text,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_pages_position_idx` ON `survey_pages` (`survey_id`,`position`);--> statement-breakpoint
CREATE TABLE `survey_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title_da` text NOT NULL,
	`title_en` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_series_slug_unique` ON `survey_series` (`slug`);--> statement-breakpoint
CREATE TABLE `surveys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`series_id` integer NOT NULL,
	`slug` text NOT NULL,
	`wave_da` text NOT NULL,
	`wave_en` text,
	`title_da` text NOT NULL,
	`title_en` text,
	`intro_da` text DEFAULT '' NOT NULL,
	`intro_en` text,
	`mode` text DEFAULT 'open' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`opens_at` integer,
	`closes_at` integer,
	`results_published` integer DEFAULT false NOT NULL,
	`cloned_from_id` integer,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`series_id`) REFERENCES `survey_series`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "surveys_mode_check" CHECK("surveys"."mode" in ('open', 'invitation', 'both')),
	CONSTRAINT "surveys_status_check" CHECK("surveys"."status" in ('draft', 'open', 'closed')),
	CONSTRAINT "surveys_slug_check" CHECK("surveys"."slug" not glob '*[^a-z0-9-]*' and length("surveys"."slug") > 0),
	CONSTRAINT "surveys_window_check" CHECK("surveys"."closes_at" is null or "surveys"."opens_at" is null or "surveys"."closes_at" > "surveys"."opens_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `surveys_slug_unique` ON `surveys` (`slug`);