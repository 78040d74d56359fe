CREATE TABLE `goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title_da` text NOT NULL,
	`title_en` text,
	`series_id` integer NOT NULL,
	`question_key` text NOT NULL,
	`item` text,
	`success_values` text NOT NULL,
	`area_id` integer NOT NULL,
	`direction` text DEFAULT 'decrease' NOT NULL,
	`baseline_survey_id` integer,
	`baseline_value` real,
	`baseline_n` integer,
	`baseline_source` text,
	`target_value` real NOT NULL,
	`target_date` text NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`series_id`) REFERENCES `survey_series`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`baseline_survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "goals_direction_check" CHECK("goals"."direction" in ('decrease', 'increase')),
	CONSTRAINT "goals_baseline_check" CHECK(("goals"."baseline_survey_id" is not null and "goals"."baseline_value" is null) or ("goals"."baseline_survey_id" is null and "goals"."baseline_value" between 0 and 1 and "goals"."baseline_n" > 0 and length("goals"."baseline_source") > 0)),
	CONSTRAINT "goals_target_check" CHECK("goals"."target_value" between 0 and 1),
	CONSTRAINT "goals_item_check" CHECK("goals"."item" is null or length("goals"."item") > 0)
);
--> statement-breakpoint
CREATE TABLE `population_margins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`area_id` integer NOT NULL,
	`variable` text NOT NULL,
	`category` text NOT NULL,
	`population` integer NOT NULL,
	`source` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "population_margins_population_check" CHECK("population_margins"."population" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `population_margins_idx` ON `population_margins` (`area_id`,`variable`,`category`);--> statement-breakpoint
CREATE INDEX `responses_area_idx` ON `responses` (`survey_id`,`area_id`);