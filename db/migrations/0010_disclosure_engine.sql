CREATE TABLE `releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`made_on` text NOT NULL,
	`made_by` integer,
	`payload` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`made_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "releases_kind_check" CHECK("releases"."kind" in ('reports'))
);
--> statement-breakpoint
CREATE INDEX `releases_kind_idx` ON `releases` (`kind`,`id`);--> statement-breakpoint
ALTER TABLE `reports` ADD `cell_key` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `responses` ADD `cell_key` integer DEFAULT 0 NOT NULL;