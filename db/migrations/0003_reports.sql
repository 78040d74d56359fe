CREATE TABLE `report_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_da` text NOT NULL,
	`name_en` text,
	`display_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	CONSTRAINT "report_categories_slug_check" CHECK("report_categories"."slug" not glob '*[^a-z0-9_]*' and length("report_categories"."slug") > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_categories_slug_unique` ON `report_categories` (`slug`);--> statement-breakpoint
CREATE TABLE `report_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`status` text NOT NULL,
	`public_note` text,
	`internal_note` text,
	`user_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_updates_report_idx` ON `report_updates` (`report_id`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt` text NOT NULL,
	`category_id` integer NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`place_name` text,
	`area_id` integer NOT NULL,
	`time_of_day` text NOT NULL,
	`weekday` integer,
	`description` text DEFAULT '' NOT NULL,
	`masks` text DEFAULT '[]' NOT NULL,
	`reporter_type` text NOT NULL,
	`email` text,
	`status` text DEFAULT 'received' NOT NULL,
	`forwarded_to` integer,
	`merged_into` integer,
	`initiative_id` integer,
	`created_on` text NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `report_categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`forwarded_to`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "reports_status_check" CHECK("reports"."status" in ('received', 'forwarded', 'in_progress', 'handled', 'not_possible', 'rejected', 'merged')),
	CONSTRAINT "reports_time_check" CHECK("reports"."time_of_day" in ('morning', 'daytime', 'evening', 'night', 'often')),
	CONSTRAINT "reports_reporter_check" CHECK("reports"."reporter_type" in ('resident', 'business', 'works_here', 'visitor')),
	CONSTRAINT "reports_weekday_check" CHECK("reports"."weekday" is null or "reports"."weekday" between 1 and 7),
	CONSTRAINT "reports_description_check" CHECK(length("reports"."description") <= 1000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_receipt_unique` ON `reports` (`receipt`);--> statement-breakpoint
CREATE INDEX `reports_status_idx` ON `reports` (`status`);--> statement-breakpoint
CREATE INDEX `reports_area_idx` ON `reports` (`area_id`,`created_on`);