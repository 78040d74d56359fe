CREATE TABLE "comment_flags" (
	"comment_id" bigint NOT NULL,
	"reason" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "comment_flags_comment_id_reason_pk" PRIMARY KEY("comment_id","reason"),
	CONSTRAINT "comment_flags_reason_check" CHECK ("comment_flags"."reason" in ('personal', 'offensive', 'crime', 'spam', 'other')),
	CONSTRAINT "comment_flags_count_check" CHECK ("comment_flags"."count" >= 1)
);
--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "taken_down_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "takedown_reason" text;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "takedown_note" text;--> statement-breakpoint
ALTER TABLE "comment_flags" ADD CONSTRAINT "comment_flags_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;