CREATE TABLE `report_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`email` text NOT NULL,
	`status` text NOT NULL,
	`public_note` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT (unixepoch()) NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "report_notices_status_check" CHECK("report_notices"."status" in ('received', 'forwarded', 'in_progress', 'handled', 'not_possible', 'rejected', 'merged'))
);
--> statement-breakpoint
CREATE INDEX `report_notices_due_idx` ON `report_notices` (`next_attempt_at`);