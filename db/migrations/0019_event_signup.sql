CREATE TABLE `event_minutes` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`body_da` text NOT NULL,
	`body_en` text,
	`places` text DEFAULT '[]' NOT NULL,
	`published_at` integer NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "event_minutes_body_check" CHECK(length("event_minutes"."body_da") between 1 and 20000)
);
--> statement-breakpoint
CREATE TABLE `event_notices` (
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
	CONSTRAINT "event_notices_kind_check" CHECK(("event_notices"."kind" = 'confirmation' and "event_notices"."cancel_token" is not null and "event_notices"."signup_id" is not null) or ("event_notices"."kind" = 'cancellation' and "event_notices"."cancel_token" is null)),
	CONSTRAINT "event_notices_locale_check" CHECK("event_notices"."locale" is not null and "event_notices"."locale" in ('da', 'en'))
);
--> statement-breakpoint
CREATE INDEX `event_notices_due_idx` ON `event_notices` (`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `event_registrations` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`open` integer DEFAULT true NOT NULL,
	`capacity` integer,
	`signed_up` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "event_registrations_capacity_check" CHECK("event_registrations"."capacity" is null or "event_registrations"."capacity" between 1 and 10000),
	CONSTRAINT "event_registrations_count_check" CHECK("event_registrations"."signed_up" >= 0 and ("event_registrations"."capacity" is null or "event_registrations"."signed_up" <= "event_registrations"."capacity"))
);
--> statement-breakpoint
CREATE TABLE `event_signups` (
	`id` integer PRIMARY KEY NOT NULL,
	`event_id` integer NOT NULL,
	`people` integer NOT NULL,
	`email` text,
	`token_hash` text NOT NULL,
	`locale` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "event_signups_people_check" CHECK("event_signups"."people" between 1 and 20),
	CONSTRAINT "event_signups_locale_check" CHECK("event_signups"."locale" is not null and "event_signups"."locale" in ('da', 'en'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_signups_token_hash_unique` ON `event_signups` (`token_hash`);--> statement-breakpoint
CREATE INDEX `event_signups_event_idx` ON `event_signups` (`event_id`);--> statement-breakpoint
ALTER TABLE `events` ADD `cancelled_at` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `cancel_note_da` text;--> statement-breakpoint
ALTER TABLE `events` ADD `cancel_note_en` text;