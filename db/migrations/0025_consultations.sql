CREATE TABLE `consultation_places` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name_da` text NOT NULL,
	`name_en` text,
	`description_da` text NOT NULL,
	`description_en` text,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`illustration` text,
	`outcome` text,
	`reason_da` text,
	`reason_en` text,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "consultation_places_illustration_check" CHECK("consultation_places"."illustration" is null or "consultation_places"."illustration" in ('camera', 'lighting', 'path', 'square', 'other')),
	CONSTRAINT "consultation_places_outcome_check" CHECK(("consultation_places"."outcome" is null and "consultation_places"."reason_da" is null) or ("consultation_places"."outcome" is not null and "consultation_places"."reason_da" is not null and "consultation_places"."outcome" in ('adopted', 'changed', 'dropped')))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_places_position_idx` ON `consultation_places` (`consultation_id`,`position`);--> statement-breakpoint
CREATE TABLE `consultation_responses` (
	`id` integer PRIMARY KEY NOT NULL,
	`consultation_id` integer NOT NULL,
	`respondent` text NOT NULL,
	`cell_key` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "consultation_responses_respondent_check" CHECK("consultation_responses"."respondent" in ('resident', 'business', 'works_here', 'visitor'))
);
--> statement-breakpoint
CREATE INDEX `consultation_responses_idx` ON `consultation_responses` (`consultation_id`);--> statement-breakpoint
CREATE TABLE `consultation_stances` (
	`id` integer PRIMARY KEY NOT NULL,
	`consultation_id` integer NOT NULL,
	`place_id` integer NOT NULL,
	`respondent` text NOT NULL,
	`stance` text NOT NULL,
	`cell_key` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`place_id`) REFERENCES `consultation_places`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "consultation_stances_respondent_check" CHECK("consultation_stances"."respondent" in ('resident', 'business', 'works_here', 'visitor')),
	CONSTRAINT "consultation_stances_stance_check" CHECK("consultation_stances"."stance" in ('for', 'against', 'no_opinion', 'very_bad', 'bad', 'neutral', 'good', 'very_good'))
);
--> statement-breakpoint
CREATE INDEX `consultation_stances_idx` ON `consultation_stances` (`consultation_id`,`place_id`);--> statement-breakpoint
CREATE TABLE `consultations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`area_id` integer NOT NULL,
	`initiative_id` integer,
	`title_da` text NOT NULL,
	`title_en` text,
	`summary_da` text NOT NULL,
	`summary_en` text,
	`body_da` text DEFAULT '' NOT NULL,
	`body_en` text,
	`scale` text NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`release_id` integer,
	`decided_on` text,
	`decision_da` text,
	`decision_en` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "consultations_scale_check" CHECK("consultations"."scale" in ('stance', 'five')),
	CONSTRAINT "consultations_state_check" CHECK("consultations"."state" in ('draft', 'published')),
	CONSTRAINT "consultations_slug_check" CHECK("consultations"."slug" not glob '*[^a-z0-9-]*' and length("consultations"."slug") > 0),
	CONSTRAINT "consultations_dates_check" CHECK("consultations"."closes_on" >= "consultations"."opens_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultations_slug_unique` ON `consultations` (`slug`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
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
	`taken_down_at` integer,
	`takedown_reason` text,
	`takedown_note` text,
	FOREIGN KEY (`moderated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "comments_target_check" CHECK("__new_comments"."target_type" in ('initiative', 'event', 'consultation_place')),
	CONSTRAINT "comments_status_check" CHECK("__new_comments"."status" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "comments_locale_check" CHECK("__new_comments"."locale" in ('da', 'en', 'ar', 'tr', 'so', 'ur')),
	CONSTRAINT "comments_body_check" CHECK(length("__new_comments"."body") between 1 and 2000),
	CONSTRAINT "comments_takedown_check" CHECK(("__new_comments"."taken_down_at" is null and "__new_comments"."takedown_reason" is null) or ("__new_comments"."taken_down_at" is not null and "__new_comments"."takedown_reason" is not null and "__new_comments"."takedown_reason" in ('personal', 'offensive', 'crime', 'spam', 'off_topic', 'other')))
);
--> statement-breakpoint
INSERT INTO `__new_comments`("id", "target_type", "target_id", "author_name", "body", "masks", "locale", "status", "posted_on", "reject_reason", "moderated_by", "moderated_at", "taken_down_at", "takedown_reason", "takedown_note") SELECT "id", "target_type", "target_id", "author_name", "body", "masks", "locale", "status", "posted_on", "reject_reason", "moderated_by", "moderated_at", "taken_down_at", "takedown_reason", "takedown_note" FROM `comments`;--> statement-breakpoint
DROP TABLE `comments`;--> statement-breakpoint
ALTER TABLE `__new_comments` RENAME TO `comments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `comments_target_idx` ON `comments` (`target_type`,`target_id`,`status`);--> statement-breakpoint
CREATE INDEX `comments_status_idx` ON `comments` (`status`);--> statement-breakpoint
CREATE TABLE `__new_releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`made_on` text NOT NULL,
	`made_by` integer,
	`payload` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`made_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "releases_kind_check" CHECK("__new_releases"."kind" in ('reports', 'consultation'))
);
--> statement-breakpoint
INSERT INTO `__new_releases`("id", "kind", "made_on", "made_by", "payload", "created_at") SELECT "id", "kind", "made_on", "made_by", "payload", "created_at" FROM `releases`;--> statement-breakpoint
DROP TABLE `releases`;--> statement-breakpoint
ALTER TABLE `__new_releases` RENAME TO `releases`;--> statement-breakpoint
CREATE INDEX `releases_kind_idx` ON `releases` (`kind`,`id`);