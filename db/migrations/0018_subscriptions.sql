CREATE TABLE `subscription_mails` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subscription_id` integer NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT (unixepoch()) NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "subscription_mails_kind_check" CHECK("subscription_mails"."kind" is not null and "subscription_mails"."kind" in ('confirm', 'already', 'digest'))
);
--> statement-breakpoint
CREATE INDEX `subscription_mails_due_idx` ON `subscription_mails` (`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `subscription_mails_subscription_idx` ON `subscription_mails` (`subscription_id`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
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
	CONSTRAINT "subscriptions_topic_check" CHECK("subscriptions"."topic" is not null and "subscriptions"."topic" in ('area', 'initiative', 'events', 'results')),
	CONSTRAINT "subscriptions_locale_check" CHECK("subscriptions"."locale" is not null and "subscriptions"."locale" in ('da', 'en')),
	CONSTRAINT "subscriptions_target_check" CHECK(("subscriptions"."topic" = 'area') = ("subscriptions"."area_id" is not null) and ("subscriptions"."topic" = 'initiative') = ("subscriptions"."initiative_id" is not null)),
	CONSTRAINT "subscriptions_confirmed_check" CHECK(("subscriptions"."confirmed_at" is null) = ("subscriptions"."expires_at" is not null) and ("subscriptions"."confirmed_at" is null) = ("subscriptions"."digest_from" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_lookup_key_unique` ON `subscriptions` (`lookup_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_confirm_hash_unique` ON `subscriptions` (`confirm_hash`);--> statement-breakpoint
CREATE INDEX `subscriptions_expires_idx` ON `subscriptions` (`expires_at`);--> statement-breakpoint
ALTER TABLE `surveys` ADD `results_published_at` integer;