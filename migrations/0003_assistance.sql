CREATE TABLE "activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"participants" text NOT NULL,
	"content" text NOT NULL,
	"results" text,
	"support_value_vnd" bigint,
	"support_description" text,
	"criteria" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "activity_support_chk" CHECK ("activity"."support_value_vnd" is null or "activity"."support_value_vnd" >= 0)
);
--> statement-breakpoint
CREATE TABLE "activity_file" (
	"activity_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "activity_file_activity_id_file_id_pk" PRIMARY KEY("activity_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"legal_basis_doc" text NOT NULL,
	"legal_basis_date" date NOT NULL,
	"leader_name" text NOT NULL,
	"note" text,
	"replaces_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "assignment_validity_chk" CHECK ("assignment"."valid_to" is null or "assignment"."valid_to" > "assignment"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "follow_up" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"text" text NOT NULL,
	"owner_name" text NOT NULL,
	"owner_user_id" uuid,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "follow_up_status_chk" CHECK ("follow_up"."status" in ('open','done'))
);
--> statement-breakpoint
CREATE TABLE "obstacle" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"raised_by" uuid,
	"raised_by_agency_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"criteria" text[] DEFAULT '{}'::text[] NOT NULL,
	"level" text NOT NULL,
	"assignee_agency_id" uuid,
	"due_date" date,
	"status" text DEFAULT 'new' NOT NULL,
	"answer" text,
	"resolution_doc" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "obstacle_status_chk" CHECK ("obstacle"."status" in ('new','accepted','in_progress','resolved','closed')),
	CONSTRAINT "obstacle_level_chk" CHECK ("obstacle"."level" in ('commune','agency','department','steering_committee'))
);
--> statement-breakpoint
CREATE TABLE "obstacle_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"obstacle_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text,
	"from_status" text,
	"to_status" text,
	"from_level" text,
	"to_level" text,
	"assignee_agency_id" uuid,
	"actor_id" uuid,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"seq" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "obstacle_event_file" (
	"event_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "obstacle_event_file_event_id_file_id_pk" PRIMARY KEY("event_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "stored_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"original_name" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_file" ADD CONSTRAINT "activity_file_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_file" ADD CONSTRAINT "activity_file_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_owner_user_id_app_user_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle" ADD CONSTRAINT "obstacle_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle" ADD CONSTRAINT "obstacle_raised_by_app_user_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle" ADD CONSTRAINT "obstacle_raised_by_agency_id_agency_id_fk" FOREIGN KEY ("raised_by_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle" ADD CONSTRAINT "obstacle_assignee_agency_id_agency_id_fk" FOREIGN KEY ("assignee_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle_event" ADD CONSTRAINT "obstacle_event_obstacle_id_obstacle_id_fk" FOREIGN KEY ("obstacle_id") REFERENCES "public"."obstacle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle_event" ADD CONSTRAINT "obstacle_event_assignee_agency_id_agency_id_fk" FOREIGN KEY ("assignee_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle_event" ADD CONSTRAINT "obstacle_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle_event_file" ADD CONSTRAINT "obstacle_event_file_event_id_obstacle_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."obstacle_event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle_event_file" ADD CONSTRAINT "obstacle_event_file_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_assignment_id_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_unit_date_idx" ON "activity" USING btree ("unit_id","date");--> statement-breakpoint
CREATE INDEX "activity_agency_date_idx" ON "activity" USING btree ("agency_id","date");--> statement-breakpoint
CREATE INDEX "assignment_agency_idx" ON "assignment" USING btree ("agency_id","valid_from");--> statement-breakpoint
CREATE INDEX "assignment_unit_idx" ON "assignment" USING btree ("unit_id","valid_from");--> statement-breakpoint
CREATE INDEX "follow_up_activity_idx" ON "follow_up" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "follow_up_owner_idx" ON "follow_up" USING btree ("owner_user_id","status");--> statement-breakpoint
CREATE INDEX "obstacle_unit_idx" ON "obstacle" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "obstacle_assignee_idx" ON "obstacle" USING btree ("assignee_agency_id","status");--> statement-breakpoint
CREATE INDEX "obstacle_due_idx" ON "obstacle" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "obstacle_event_obstacle_idx" ON "obstacle_event" USING btree ("obstacle_id","seq");--> statement-breakpoint
CREATE INDEX "stored_file_unit_idx" ON "stored_file" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "stored_file_sha_idx" ON "stored_file" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "team_member_assignment_idx" ON "team_member" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "team_member_user_idx" ON "team_member" USING btree ("user_id");