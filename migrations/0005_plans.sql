CREATE TABLE "commune_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year_from" integer NOT NULL,
	"year_to" integer NOT NULL,
	"title" text NOT NULL,
	"target_level" text NOT NULL,
	"target_year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"note" text,
	"copied_from_id" uuid,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "commune_plan_period_uq" UNIQUE("unit_id","kind","year_from","year_to"),
	CONSTRAINT "commune_plan_period_chk" CHECK ("commune_plan"."year_to" >= "commune_plan"."year_from" and ("commune_plan"."kind" = 'phase' or "commune_plan"."year_to" = "commune_plan"."year_from"))
);
--> statement-breakpoint
CREATE TABLE "plan_criterion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"criterion_number" text NOT NULL,
	"target_year" integer NOT NULL,
	"note" text,
	"copied" boolean DEFAULT false NOT NULL,
	CONSTRAINT "plan_criterion_uq" UNIQUE("plan_id","criterion_number")
);
--> statement-breakpoint
CREATE TABLE "plan_task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"criterion_number" text,
	"title" text NOT NULL,
	"responsible_agency_id" uuid,
	"responsible_name" text,
	"deadline" date,
	"estimated_cost_vnd" bigint,
	"status" text DEFAULT 'todo' NOT NULL,
	"progress_note" text,
	"done_at" date,
	"copied_from_task_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_task_cost_chk" CHECK ("plan_task"."estimated_cost_vnd" is null or "plan_task"."estimated_cost_vnd" >= 0)
);
--> statement-breakpoint
CREATE TABLE "target_list" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"document_no" text,
	"document_date" date,
	"file_id" uuid,
	"note" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"adopted_at" timestamp with time zone,
	"adopted_by" uuid,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_list_commune" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"target_level" text NOT NULL,
	"helper_agency_id" uuid,
	"note" text,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_list_commune_uq" UNIQUE("list_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "commune_plan" ADD CONSTRAINT "commune_plan_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_plan" ADD CONSTRAINT "commune_plan_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_criterion" ADD CONSTRAINT "plan_criterion_plan_id_commune_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."commune_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task" ADD CONSTRAINT "plan_task_plan_id_commune_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."commune_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task" ADD CONSTRAINT "plan_task_responsible_agency_id_agency_id_fk" FOREIGN KEY ("responsible_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task" ADD CONSTRAINT "plan_task_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task" ADD CONSTRAINT "plan_task_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_list" ADD CONSTRAINT "target_list_province_unit_id_unit_id_fk" FOREIGN KEY ("province_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_list" ADD CONSTRAINT "target_list_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_list" ADD CONSTRAINT "target_list_adopted_by_app_user_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_list" ADD CONSTRAINT "target_list_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_list_commune" ADD CONSTRAINT "target_list_commune_list_id_target_list_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."target_list"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_list_commune" ADD CONSTRAINT "target_list_commune_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_list_commune" ADD CONSTRAINT "target_list_commune_helper_agency_id_agency_id_fk" FOREIGN KEY ("helper_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_list_commune" ADD CONSTRAINT "target_list_commune_added_by_app_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commune_plan_year_idx" ON "commune_plan" USING btree ("year_from","year_to");--> statement-breakpoint
CREATE INDEX "plan_task_plan_idx" ON "plan_task" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "target_list_year_idx" ON "target_list" USING btree ("year","province_unit_id");--> statement-breakpoint
CREATE INDEX "target_list_commune_unit_idx" ON "target_list_commune" USING btree ("unit_id");