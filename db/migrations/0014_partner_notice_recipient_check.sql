PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_report_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`email` text NOT NULL,
	`recipient` text DEFAULT 'reporter' NOT NULL,
	`status` text NOT NULL,
	`public_note` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT (unixepoch()) NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "report_notices_status_check" CHECK("__new_report_notices"."status" in ('received', 'forwarded', 'in_progress', 'handled', 'not_possible', 'rejected', 'merged')),
	CONSTRAINT "report_notices_recipient_check" CHECK("__new_report_notices"."recipient" in ('reporter', 'partner'))
);
--> statement-breakpoint
INSERT INTO `__new_report_notices`("id", "report_id", "email", "recipient", "status", "public_note", "attempts", "next_attempt_at", "created_at") SELECT "id", "report_id", "email", "recipient", "status", "public_note", "attempts", "next_attempt_at", "created_at" FROM `report_notices`;--> statement-breakpoint
DROP TABLE `report_notices`;--> statement-breakpoint
ALTER TABLE `__new_report_notices` RENAME TO `report_notices`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `report_notices_due_idx` ON `report_notices` (`next_attempt_at`);