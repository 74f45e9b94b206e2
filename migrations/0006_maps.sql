CREATE TABLE "boundary_feature" (
	"set_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"area_km2" double precision NOT NULL,
	CONSTRAINT "boundary_feature_set_id_unit_id_pk" PRIMARY KEY("set_id","unit_id"),
	CONSTRAINT "boundary_feature_code_uq" UNIQUE("set_id","code")
);
--> statement-breakpoint
CREATE TABLE "boundary_set" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"province_unit_id" uuid NOT NULL,
	"year_from" integer NOT NULL,
	"year_to" integer,
	"as_of" date NOT NULL,
	"code_property" text NOT NULL,
	"file_id" uuid NOT NULL,
	"feature_count" integer NOT NULL,
	"bbox" jsonb NOT NULL,
	"points_original" integer NOT NULL,
	"points_simplified" integer NOT NULL,
	"payload_gzip_bytes" integer NOT NULL,
	"is_active" boolean DEFAULT false NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "boundary_set_years_chk" CHECK ("boundary_set"."year_to" is null or "boundary_set"."year_to" >= "boundary_set"."year_from")
);
--> statement-breakpoint
ALTER TABLE "boundary_feature" ADD CONSTRAINT "boundary_feature_set_id_boundary_set_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."boundary_set"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boundary_feature" ADD CONSTRAINT "boundary_feature_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boundary_set" ADD CONSTRAINT "boundary_set_province_unit_id_unit_id_fk" FOREIGN KEY ("province_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boundary_set" ADD CONSTRAINT "boundary_set_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boundary_set" ADD CONSTRAINT "boundary_set_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "boundary_feature_unit_idx" ON "boundary_feature" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "boundary_set_province_idx" ON "boundary_set" USING btree ("province_unit_id","is_active");