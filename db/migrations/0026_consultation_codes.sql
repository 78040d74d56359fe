CREATE TABLE `consultation_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`code` text NOT NULL,
	`batch` integer NOT NULL,
	`used` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_codes_code_unique` ON `consultation_codes` (`code`);--> statement-breakpoint
CREATE INDEX `consultation_codes_idx` ON `consultation_codes` (`consultation_id`,`used`);