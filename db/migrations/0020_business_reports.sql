PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_report_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_da` text NOT NULL,
	`name_en` text,
	`display_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`partner_id` integer,
	`audience` text DEFAULT 'everyone' NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "report_categories_slug_check" CHECK("__new_report_categories"."slug" not glob '*[^a-z0-9_]*' and length("__new_report_categories"."slug") > 0),
	CONSTRAINT "report_categories_audience_check" CHECK("__new_report_categories"."audience" is not null and "__new_report_categories"."audience" in ('everyone', 'business'))
);
--> statement-breakpoint
INSERT INTO `__new_report_categories`("id", "slug", "name_da", "name_en", "display_order", "active", "partner_id", "audience") SELECT "id", "slug", "name_da", "name_en", "display_order", "active", "partner_id", 'everyone' FROM `report_categories`;--> statement-breakpoint
DROP TABLE `report_categories`;--> statement-breakpoint
ALTER TABLE `__new_report_categories` RENAME TO `report_categories`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `report_categories_slug_unique` ON `report_categories` (`slug`);--> statement-breakpoint
ALTER TABLE `reports` ADD `callback` text;