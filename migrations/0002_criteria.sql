CREATE TABLE "criteria_set" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"legal_basis" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"version" integer NOT NULL,
	"parent_set_id" uuid,
	"province_unit_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"definition" jsonb NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "criteria_set_code_version_uq" UNIQUE("code","version"),
	CONSTRAINT "criteria_set_level_chk" CHECK ("criteria_set"."level" in ('ntm','advanced','model','modern')),
	CONSTRAINT "criteria_set_status_chk" CHECK ("criteria_set"."status" in ('draft','published')),
	CONSTRAINT "criteria_set_published_chk" CHECK ("criteria_set"."status" = 'draft' or "criteria_set"."published_at" is not null),
	CONSTRAINT "criteria_set_validity_chk" CHECK ("criteria_set"."valid_to" is null or "criteria_set"."valid_to" > "criteria_set"."valid_from"),
	CONSTRAINT "criteria_set_version_chk" CHECK ("criteria_set"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "criteria_set" ADD CONSTRAINT "criteria_set_province_unit_id_unit_id_fk" FOREIGN KEY ("province_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_set" ADD CONSTRAINT "criteria_set_published_by_app_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_set" ADD CONSTRAINT "criteria_set_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_set" ADD CONSTRAINT "criteria_set_parent_fk" FOREIGN KEY ("parent_set_id") REFERENCES "public"."criteria_set"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "criteria_set_province_idx" ON "criteria_set" USING btree ("province_unit_id");--> statement-breakpoint
CREATE INDEX "criteria_set_parent_idx" ON "criteria_set" USING btree ("parent_set_id");