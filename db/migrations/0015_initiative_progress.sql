CREATE TABLE `initiative_milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`initiative_id` integer NOT NULL,
	`title_da` text NOT NULL,
	`title_en` text,
	`due_on` text,
	`state` text DEFAULT 'planned' NOT NULL,
	`done_on` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "initiative_milestones_state_check" CHECK("initiative_milestones"."state" in ('planned', 'in_progress', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE INDEX `initiative_milestones_initiative_idx` ON `initiative_milestones` (`initiative_id`,`position`);--> statement-breakpoint
CREATE TABLE `initiative_update_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`update_id` integer NOT NULL,
	`happened_on` text NOT NULL,
	`text_da` text NOT NULL,
	`text_en` text,
	`replaced_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`update_id`) REFERENCES `initiative_updates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `initiative_update_versions_update_idx` ON `initiative_update_versions` (`update_id`);--> statement-breakpoint
ALTER TABLE `initiative_updates` ADD `edited_at` integer;--> statement-breakpoint
ALTER TABLE `initiative_updates` ADD `retracted_at` integer;--> statement-breakpoint
ALTER TABLE `initiative_updates` ADD `retraction_reason` text;