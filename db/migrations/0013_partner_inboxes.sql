ALTER TABLE `partners` ADD `mailbox` text;--> statement-breakpoint
ALTER TABLE `report_categories` ADD `partner_id` integer REFERENCES partners(id);--> statement-breakpoint
ALTER TABLE `report_notices` ADD `recipient` text DEFAULT 'reporter' NOT NULL;--> statement-breakpoint
ALTER TABLE `report_updates` ADD `partner_id` integer REFERENCES partners(id);--> statement-breakpoint
CREATE INDEX `reports_forwarded_idx` ON `reports` (`forwarded_to`,`status`);