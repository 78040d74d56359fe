CREATE TABLE "places" (
	"id" text PRIMARY KEY NOT NULL,
	"name_da" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"retired_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "places_kind_check" CHECK ("places"."kind" is not null and "places"."kind" in ('square', 'street', 'park', 'station', 'passage', 'other')),
	CONSTRAINT "places_id_check" CHECK ("places"."id" ~ '^[a-z0-9]' and "places"."id" !~ '[^a-z0-9-]')
);
