CREATE TABLE "value_import_job" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'parsing' NOT NULL,
	"phase" text DEFAULT 'reading' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"warning_count" integer DEFAULT 0 NOT NULL,
	"change_count" integer DEFAULT 0 NOT NULL,
	"commune_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preview" jsonb,
	"failure" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"validated_at" timestamp with time zone,
	"applied_at" timestamp with time zone,
	"applied_by" uuid,
	CONSTRAINT "value_import_job_progress_chk" CHECK ("value_import_job"."processed_rows" >= 0 and "value_import_job"."total_rows" >= 0)
);
--> statement-breakpoint
ALTER TABLE "value_import_job" ADD CONSTRAINT "value_import_job_cycle_id_assessment_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."assessment_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_import_job" ADD CONSTRAINT "value_import_job_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_import_job" ADD CONSTRAINT "value_import_job_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_import_job" ADD CONSTRAINT "value_import_job_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_import_job" ADD CONSTRAINT "value_import_job_applied_by_app_user_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "value_import_job_cycle_idx" ON "value_import_job" USING btree ("cycle_id","created_at");