CREATE TABLE "assessment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_step" integer,
	"round" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"appraised_at" timestamp with time zone,
	"locked" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "assessment_cycle_unit_uq" UNIQUE("cycle_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_cycle" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"set_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"scope_unit_id" uuid,
	"deadlines" jsonb NOT NULL,
	"review_chain" jsonb NOT NULL,
	"criterion_agencies" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"step_key" text,
	"round" integer NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commune_status" (
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"set_id" uuid NOT NULL,
	"assessment_id" uuid,
	"criteria_met" integer NOT NULL,
	"criteria_applicable" integer NOT NULL,
	"meets_standard" boolean NOT NULL,
	"missing" jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"basis" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commune_status_unit_id_year_set_id_pk" PRIMARY KEY("unit_id","year","set_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_result" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"criterion_number" text NOT NULL,
	"position" integer NOT NULL,
	"value" jsonb,
	"note" text,
	"carried_over" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone,
	"last_op_id" uuid,
	CONSTRAINT "indicator_result_code_uq" UNIQUE("assessment_id","indicator_code")
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"assessment_id" uuid,
	"unit_id" uuid,
	"due_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recognition" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"year" integer NOT NULL,
	"decision_no" text,
	"decision_date" date,
	"signer" text,
	"file_id" uuid,
	"revokes_id" uuid,
	"revoked_by_id" uuid,
	"source_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "recognition_revocation_chk" CHECK ("recognition"."kind" = 'recognition' or "recognition"."revokes_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "result_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"result_id" uuid NOT NULL,
	"op_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"value_before" jsonb,
	"value_after" jsonb,
	"note" text,
	"carried_over" boolean NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_evidence" (
	"result_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"exif_taken_at" text,
	"exif_lat" double precision,
	"exif_lon" double precision,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "result_evidence_result_id_file_id_pk" PRIMARY KEY("result_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "return_round" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"step_key" text NOT NULL,
	"kind" text DEFAULT 'return' NOT NULL,
	"round" integer NOT NULL,
	"items" jsonb NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verdict" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"result_id" uuid NOT NULL,
	"step_key" text NOT NULL,
	"verdict" text NOT NULL,
	"agreed" boolean NOT NULL,
	"reason" text,
	"round" integer NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_cycle_id_assessment_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."assessment_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_cycle" ADD CONSTRAINT "assessment_cycle_set_id_criteria_set_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."criteria_set"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_cycle" ADD CONSTRAINT "assessment_cycle_scope_unit_id_unit_id_fk" FOREIGN KEY ("scope_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_cycle" ADD CONSTRAINT "assessment_cycle_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_event" ADD CONSTRAINT "assessment_event_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_event" ADD CONSTRAINT "assessment_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_status" ADD CONSTRAINT "commune_status_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_status" ADD CONSTRAINT "commune_status_set_id_criteria_set_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."criteria_set"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_status" ADD CONSTRAINT "commune_status_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_result" ADD CONSTRAINT "indicator_result_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_result" ADD CONSTRAINT "indicator_result_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_change" ADD CONSTRAINT "result_change_result_id_indicator_result_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."indicator_result"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_change" ADD CONSTRAINT "result_change_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_evidence" ADD CONSTRAINT "result_evidence_result_id_indicator_result_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."indicator_result"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_evidence" ADD CONSTRAINT "result_evidence_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_evidence" ADD CONSTRAINT "result_evidence_added_by_app_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_round" ADD CONSTRAINT "return_round_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_round" ADD CONSTRAINT "return_round_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verdict" ADD CONSTRAINT "verdict_result_id_indicator_result_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."indicator_result"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verdict" ADD CONSTRAINT "verdict_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_unit_idx" ON "assessment" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "assessment_cycle_year_idx" ON "assessment_cycle" USING btree ("year");--> statement-breakpoint
CREATE INDEX "assessment_event_idx" ON "assessment_event" USING btree ("assessment_id","at");--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "recognition_unit_idx" ON "recognition" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "result_change_result_idx" ON "result_change" USING btree ("result_id","at");--> statement-breakpoint
CREATE INDEX "return_round_assessment_idx" ON "return_round" USING btree ("assessment_id","at");--> statement-breakpoint
CREATE INDEX "verdict_result_idx" ON "verdict" USING btree ("result_id","at");