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
	CONSTRAINT "comments_locale_check" CHECK("__new_comments"."locale" in ('da', 'en')),
	CONSTRAINT "comments_body_check" CHECK(length("__new_comments"."body") between 1 and 2000),
	CONSTRAINT "comments_takedown_check" CHECK(("__new_comments"."taken_down_at" is null and "__new_comments"."takedown_reason" is null) or ("__new_comments"."taken_down_at" is not null and "__new_comments"."takedown_reason" is not null and "__new_comments"."takedown_reason" in ('personal', 'offensive', 'crime', 'spam', 'off_topic', 'other')))
);
--> statement-breakpoint
INSERT INTO `__new_comments`("id", "target_type", "target_id", "author_name", "body", "masks", "locale", "status", "posted_on", "reject_reason", "moderated_by", "moderated_at", "taken_down_at", "takedown_reason", "takedown_note") SELECT "id", "target_type", "target_id", "author_name", "body", "masks", "locale", "status", "posted_on", "reject_reason", "moderated_by", "moderated_at", "taken_down_at", "takedown_reason", "takedown_note" FROM `comments`;--> statement-breakpoint
DROP TABLE `comments`;--> statement-breakpoint
ALTER TABLE `__new_comments` RENAME TO `comments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `comments_target_idx` ON `comments` (`target_type`,`target_id`,`status`);--> statement-breakpoint
CREATE INDEX `comments_status_idx` ON `comments` (`status`);