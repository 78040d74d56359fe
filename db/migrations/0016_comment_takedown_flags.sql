CREATE TABLE `comment_flags` (
	`comment_id` integer NOT NULL,
	`reason` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`comment_id`, `reason`),
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "comment_flags_reason_check" CHECK("comment_flags"."reason" in ('personal', 'offensive', 'crime', 'spam', 'other')),
	CONSTRAINT "comment_flags_count_check" CHECK("comment_flags"."count" >= 1)
);
--> statement-breakpoint
ALTER TABLE `comments` ADD `taken_down_at` integer;--> statement-breakpoint
ALTER TABLE `comments` ADD `takedown_reason` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `takedown_note` text;