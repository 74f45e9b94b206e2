ALTER TABLE "assessment_cycle" ADD COLUMN "close_reason" text;--> statement-breakpoint
ALTER TABLE "assessment_cycle" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assessment_cycle" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "assessment_cycle" ADD CONSTRAINT "assessment_cycle_closed_by_app_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;