CREATE TABLE `report_submissions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`report_id` integer,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_submissions_expires_idx` ON `report_submissions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `throttle_hits` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`count` integer NOT NULL,
	`reset_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE INDEX `throttle_hits_reset_idx` ON `throttle_hits` (`reset_at`);--> statement-breakpoint
CREATE TABLE `throttle_keys` (
	`day` text PRIMARY KEY NOT NULL,
	`key` blob NOT NULL
);
