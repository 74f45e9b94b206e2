CREATE TABLE "programme" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"period_from" integer NOT NULL,
	"period_to" integer NOT NULL,
	"decision_no" text,
	"decision_date" date,
	"source_note" text NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_code_uq" UNIQUE("code"),
	CONSTRAINT "programme_period_chk" CHECK ("programme"."period_to" >= "programme"."period_from")
);
--> statement-breakpoint
CREATE TABLE "programme_component" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"source_note" text,
	CONSTRAINT "programme_component_code_uq" UNIQUE("programme_id","code")
);
--> statement-breakpoint
CREATE TABLE "resource_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"component_id" uuid,
	"source" text NOT NULL,
	"criterion" text,
	"work_name" text,
	"planned_vnd" bigint,
	"allocated_vnd" bigint,
	"disbursed_vnd" bigint,
	"quantity" numeric(14, 2),
	"quantity_unit" text,
	"note" text,
	"source_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "resource_entry_amounts_chk" CHECK (coalesce("resource_entry"."planned_vnd", 0) >= 0 and coalesce("resource_entry"."allocated_vnd", 0) >= 0 and coalesce("resource_entry"."disbursed_vnd", 0) >= 0),
	CONSTRAINT "resource_entry_disbursed_chk" CHECK ("resource_entry"."disbursed_vnd" is null or "resource_entry"."allocated_vnd" is null or "resource_entry"."disbursed_vnd" <= "resource_entry"."allocated_vnd"),
	CONSTRAINT "resource_entry_quantity_chk" CHECK (("resource_entry"."quantity" is null) = ("resource_entry"."quantity_unit" is null) and coalesce("resource_entry"."quantity", 0) >= 0),
	CONSTRAINT "resource_entry_year_chk" CHECK ("resource_entry"."year" between 2000 and 2100),
	CONSTRAINT "resource_entry_purpose_chk" CHECK ("resource_entry"."criterion" is not null or "resource_entry"."work_name" is not null)
);
--> statement-breakpoint
CREATE TABLE "resource_entry_file" (
	"entry_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "resource_entry_file_entry_id_file_id_pk" PRIMARY KEY("entry_id","file_id")
);
--> statement-breakpoint
ALTER TABLE "programme_component" ADD CONSTRAINT "programme_component_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_entry" ADD CONSTRAINT "resource_entry_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_entry" ADD CONSTRAINT "resource_entry_component_id_programme_component_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."programme_component"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_entry" ADD CONSTRAINT "resource_entry_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_entry" ADD CONSTRAINT "resource_entry_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_entry_file" ADD CONSTRAINT "resource_entry_file_entry_id_resource_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."resource_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_entry_file" ADD CONSTRAINT "resource_entry_file_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_component_prog_idx" ON "programme_component" USING btree ("programme_id","position");--> statement-breakpoint
CREATE INDEX "resource_entry_unit_year_idx" ON "resource_entry" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "resource_entry_year_idx" ON "resource_entry" USING btree ("year","source");--> statement-breakpoint
CREATE INDEX "resource_entry_component_idx" ON "resource_entry" USING btree ("component_id");