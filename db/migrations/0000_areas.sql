CREATE TABLE `areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_da` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`display_order` integer DEFAULT 0 NOT NULL,
	`geometry` text NOT NULL,
	`approximate` integer DEFAULT true NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	CONSTRAINT "areas_kind_check" CHECK("areas"."kind" in ('target', 'adjacent')),
	CONSTRAINT "areas_slug_check" CHECK("areas"."slug" glob '[a-z0-9]*' and "areas"."slug" not glob '*[^a-z0-9-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `areas_slug_unique` ON `areas` (`slug`);