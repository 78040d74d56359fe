-- Hand-edited: the generated copy of `responses` selected the new `locale` column from the old table, which does not have it; the new column takes its default ('da').
CREATE TABLE `survey_translations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`locale` text NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`texts` text DEFAULT '{}' NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "survey_translations_locale_check" CHECK("survey_translations"."locale" is not null and "survey_translations"."locale" in ('ar', 'tr', 'so', 'ur')),
	CONSTRAINT "survey_translations_state_check" CHECK("survey_translations"."state" is not null and "survey_translations"."state" in ('draft', 'needs_review', 'reviewed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_translations_locale_idx` ON `survey_translations` (`survey_id`,`locale`);--> statement-breakpoint
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
	CONSTRAINT "comments_target_check" CHECK("__new_comments"."target_type" in ('initiative', 'event')),
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
CREATE TABLE `__new_event_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`signup_id` integer,
	`kind` text NOT NULL,
	`email` text NOT NULL,
	`locale` text NOT NULL,
	`cancel_token` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT (unixepoch()) NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`signup_id`) REFERENCES `event_signups`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "event_notices_kind_check" CHECK(("__new_event_notices"."kind" = 'confirmation' and "__new_event_notices"."cancel_token" is not null and "__new_event_notices"."signup_id" is not null) or ("__new_event_notices"."kind" = 'cancellation' and "__new_event_notices"."cancel_token" is null)),
	CONSTRAINT "event_notices_locale_check" CHECK("__new_event_notices"."locale" is not null and "__new_event_notices"."locale" in ('da', 'en', 'ar', 'tr', 'so', 'ur'))
);
--> statement-breakpoint
INSERT INTO `__new_event_notices`("id", "event_id", "signup_id", "kind", "email", "locale", "cancel_token", "attempts", "next_attempt_at", "created_at") SELECT "id", "event_id", "signup_id", "kind", "email", "locale", "cancel_token", "attempts", "next_attempt_at", "created_at" FROM `event_notices`;--> statement-breakpoint
DROP TABLE `event_notices`;--> statement-breakpoint
ALTER TABLE `__new_event_notices` RENAME TO `event_notices`;--> statement-breakpoint
CREATE INDEX `event_notices_due_idx` ON `event_notices` (`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `__new_event_signups` (
	`id` integer PRIMARY KEY NOT NULL,
	`event_id` integer NOT NULL,
	`people` integer NOT NULL,
	`email` text,
	`token_hash` text NOT NULL,
	`locale` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "event_signups_people_check" CHECK("__new_event_signups"."people" between 1 and 20),
	CONSTRAINT "event_signups_locale_check" CHECK("__new_event_signups"."locale" is not null and "__new_event_signups"."locale" in ('da', 'en', 'ar', 'tr', 'so', 'ur'))
);
--> statement-breakpoint
INSERT INTO `__new_event_signups`("id", "event_id", "people", "email", "token_hash", "locale") SELECT "id", "event_id", "people", "email", "token_hash", "locale" FROM `event_signups`;--> statement-breakpoint
DROP TABLE `event_signups`;--> statement-breakpoint
ALTER TABLE `__new_event_signups` RENAME TO `event_signups`;--> statement-breakpoint
CREATE UNIQUE INDEX `event_signups_token_hash_unique` ON `event_signups` (`token_hash`);--> statement-breakpoint
CREATE INDEX `event_signups_event_idx` ON `event_signups` (`event_id`);--> statement-breakpoint
CREATE TABLE `__new_subscriptions` (
	`id` integer PRIMARY KEY NOT NULL,
	`topic` text NOT NULL,
	`area_id` integer,
	`initiative_id` integer,
	`locale` text NOT NULL,
	`address_sealed` blob NOT NULL,
	`lookup_key` text NOT NULL,
	`confirm_hash` text NOT NULL,
	`expires_at` integer,
	`confirmed_at` integer,
	`digest_from` integer,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "subscriptions_topic_check" CHECK("__new_subscriptions"."topic" is not null and "__new_subscriptions"."topic" in ('area', 'initiative', 'events', 'results')),
	CONSTRAINT "subscriptions_locale_check" CHECK("__new_subscriptions"."locale" is not null and "__new_subscriptions"."locale" in ('da', 'en', 'ar', 'tr', 'so', 'ur')),
	CONSTRAINT "subscriptions_target_check" CHECK(("__new_subscriptions"."topic" = 'area') = ("__new_subscriptions"."area_id" is not null) and ("__new_subscriptions"."topic" = 'initiative') = ("__new_subscriptions"."initiative_id" is not null)),
	CONSTRAINT "subscriptions_confirmed_check" CHECK(("__new_subscriptions"."confirmed_at" is null) = ("__new_subscriptions"."expires_at" is not null) and ("__new_subscriptions"."confirmed_at" is null) = ("__new_subscriptions"."digest_from" is null))
);
--> statement-breakpoint
INSERT INTO `__new_subscriptions`("id", "topic", "area_id", "initiative_id", "locale", "address_sealed", "lookup_key", "confirm_hash", "expires_at", "confirmed_at", "digest_from") SELECT "id", "topic", "area_id", "initiative_id", "locale", "address_sealed", "lookup_key", "confirm_hash", "expires_at", "confirmed_at", "digest_from" FROM `subscriptions`;--> statement-breakpoint
DROP TABLE `subscriptions`;--> statement-breakpoint
ALTER TABLE `__new_subscriptions` RENAME TO `subscriptions`;--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_lookup_key_unique` ON `subscriptions` (`lookup_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_confirm_hash_unique` ON `subscriptions` (`confirm_hash`);--> statement-breakpoint
CREATE INDEX `subscriptions_expires_idx` ON `subscriptions` (`expires_at`);--> statement-breakpoint
ALTER TABLE `report_categories` ADD `names` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE TABLE `__new_responses` (
	`id` integer PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`channel` text NOT NULL,
	`cell_key` integer DEFAULT 0 NOT NULL,
	`submitted_on` text NOT NULL,
	`area_id` integer,
	`suspicious` integer DEFAULT false NOT NULL,
	`flags` text DEFAULT '[]' NOT NULL,
	`locale` text DEFAULT 'da' NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "responses_channel_check" CHECK("__new_responses"."channel" in ('invitation', 'open', 'paper')),
	CONSTRAINT "responses_locale_check" CHECK("__new_responses"."locale" is not null and "__new_responses"."locale" in ('da', 'en', 'ar', 'tr', 'so', 'ur'))
);
--> statement-breakpoint
INSERT INTO `__new_responses`("id", "survey_id", "channel", "cell_key", "submitted_on", "area_id", "suspicious", "flags", "demo") SELECT "id", "survey_id", "channel", "cell_key", "submitted_on", "area_id", "suspicious", "flags", "demo" FROM `responses`;--> statement-breakpoint
DROP TABLE `responses`;--> statement-breakpoint
ALTER TABLE `__new_responses` RENAME TO `responses`;--> statement-breakpoint
CREATE INDEX `responses_survey_idx` ON `responses` (`survey_id`,`submitted_on`);--> statement-breakpoint
CREATE INDEX `responses_area_idx` ON `responses` (`survey_id`,`area_id`);