CREATE TABLE `places` (
	`id` text PRIMARY KEY NOT NULL,
	`name_da` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`retired_at` integer,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	CONSTRAINT "places_kind_check" CHECK("places"."kind" is not null and "places"."kind" in ('square', 'street', 'park', 'station', 'passage', 'other')),
	CONSTRAINT "places_id_check" CHECK("places"."id" glob '[a-z0-9]*' and "places"."id" not glob '*[^a-z0-9-]*')
);
