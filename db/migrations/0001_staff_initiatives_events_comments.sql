CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer DEFAULT (unixepoch()) NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer,
	`summary` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `comment_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`comment_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_replies_comment_idx` ON `comment_replies` (`comment_id`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
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
	CONSTRAINT "comments_target_check" CHECK("comments"."target_type" in ('initiative', 'event')),
	CONSTRAINT "comments_status_check" CHECK("comments"."status" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "comments_locale_check" CHECK("comments"."locale" in ('da', 'en')),
	CONSTRAINT "comments_body_check" CHECK(length("comments"."body") between 1 and 2000)
);
--> statement-breakpoint
CREATE INDEX `comments_target_idx` ON `comments` (`target_type`,`target_id`,`status`);--> statement-breakpoint
CREATE INDEX `comments_status_idx` ON `comments` (`status`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`title_da` text NOT NULL,
	`title_en` text,
	`description_da` text DEFAULT '' NOT NULL,
	`description_en` text,
	`place` text NOT NULL,
	`lat` real,
	`lon` real,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`area_id` integer,
	`partner_id` integer,
	`initiative_id` integer,
	`published_at` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "events_kind_check" CHECK("events"."kind" in ('citizen_meeting', 'safety_walk', 'office_hours', 'other')),
	CONSTRAINT "events_state_check" CHECK("events"."state" in ('draft', 'published')),
	CONSTRAINT "events_slug_check" CHECK("events"."slug" not glob '*[^a-z0-9-]*' and length("events"."slug") > 0),
	CONSTRAINT "events_time_check" CHECK("events"."ends_at" >= "events"."starts_at"),
	CONSTRAINT "events_point_check" CHECK(("events"."lat" is null) = ("events"."lon" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_slug_unique` ON `events` (`slug`);--> statement-breakpoint
CREATE INDEX `events_starts_idx` ON `events` (`starts_at`);--> statement-breakpoint
CREATE TABLE `initiative_areas` (
	`initiative_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	PRIMARY KEY(`initiative_id`, `area_id`),
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `initiative_areas_area_idx` ON `initiative_areas` (`area_id`);--> statement-breakpoint
CREATE TABLE `initiative_partners` (
	`initiative_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	PRIMARY KEY(`initiative_id`, `partner_id`),
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `initiative_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`initiative_id` integer NOT NULL,
	`happened_on` text NOT NULL,
	`text_da` text NOT NULL,
	`text_en` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `initiative_updates_initiative_idx` ON `initiative_updates` (`initiative_id`,`happened_on`);--> statement-breakpoint
CREATE TABLE `initiatives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`track` text NOT NULL,
	`status` text NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`starts_on` text,
	`ends_on` text,
	`title_da` text NOT NULL,
	`title_en` text,
	`summary_da` text NOT NULL,
	`summary_en` text,
	`body_da` text DEFAULT '' NOT NULL,
	`body_en` text,
	`published_at` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	CONSTRAINT "initiatives_track_check" CHECK("initiatives"."track" in ('investigative', 'operational', 'preventive', 'social', 'urban_renewal')),
	CONSTRAINT "initiatives_status_check" CHECK("initiatives"."status" in ('planned', 'active', 'completed')),
	CONSTRAINT "initiatives_state_check" CHECK("initiatives"."state" in ('draft', 'published')),
	CONSTRAINT "initiatives_slug_check" CHECK("initiatives"."slug" not glob '*[^a-z0-9-]*' and length("initiatives"."slug") > 0),
	CONSTRAINT "initiatives_dates_check" CHECK("initiatives"."ends_on" is null or "initiatives"."starts_on" is null or "initiatives"."ends_on" >= "initiatives"."starts_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `initiatives_slug_unique` ON `initiatives` (`slug`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_da` text NOT NULL,
	`name_en` text NOT NULL,
	`display_order` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "partners_slug_check" CHECK("partners"."slug" not glob '*[^a-z0-9-]*' and length("partners"."slug") > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partners_slug_unique` ON `partners` (`slug`);--> statement-breakpoint
CREATE TABLE `recovery_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`code_hash` blob NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recovery_codes_user_idx` ON `recovery_codes` (`user_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`secret_hash` blob NOT NULL,
	`two_factor_verified` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`last_verified_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`partner_id` integer,
	`password_hash` text NOT NULL,
	`totp_key` blob,
	`totp_enrolled_at` integer,
	`totp_last_step` integer,
	`disabled_at` integer,
	`password_changed_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_check" CHECK("users"."role" in ('admin', 'editor', 'moderator', 'analyst', 'viewer')),
	CONSTRAINT "users_email_check" CHECK("users"."email" = lower("users"."email") and "users"."email" like '%_@_%')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);