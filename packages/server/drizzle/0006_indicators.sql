CREATE TYPE "public"."collection_frequency" AS ENUM('monthly', 'quarterly', 'semiannual', 'annual', 'end_of_project');--> statement-breakpoint
CREATE TYPE "public"."indicator_direction" AS ENUM('increase', 'decrease');--> statement-breakpoint
CREATE TYPE "public"."indicator_level" AS ENUM('impact', 'outcome', 'output');--> statement-breakpoint
CREATE TYPE "public"."indicator_measure" AS ENUM('number', 'percentage', 'yes_no', 'text');--> statement-breakpoint
CREATE TYPE "public"."indicator_value_status" AS ENUM('entered', 'validated', 'returned');--> statement-breakpoint
ALTER TYPE "public"."audit_entity" ADD VALUE 'indicator';--> statement-breakpoint
ALTER TYPE "public"."audit_entity" ADD VALUE 'indicatorValue';--> statement-breakpoint
CREATE TABLE "indicator_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"value_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"period" text NOT NULL,
	"value" numeric(20, 4),
	"breakdown" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"period" text NOT NULL,
	"value" numeric(20, 4),
	"text_value" text,
	"breakdown" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text,
	"variance_reason" text,
	"status" "indicator_value_status" DEFAULT 'entered' NOT NULL,
	"review_comment" text,
	"entered_by_id" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by_id" uuid,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"result_node_id" uuid,
	"library_indicator_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" "indicator_level" NOT NULL,
	"measure" "indicator_measure" DEFAULT 'number' NOT NULL,
	"unit" text,
	"direction" "indicator_direction" DEFAULT 'increase' NOT NULL,
	"cumulative" boolean DEFAULT false NOT NULL,
	"definition" text,
	"calculation_method" text,
	"data_source" text,
	"verification_means" text,
	"collection_frequency" "collection_frequency",
	"responsible" text,
	"dimensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"baseline_value" numeric(20, 4),
	"baseline_date" date,
	"baseline_source" text,
	"end_target" numeric(20, 4),
	"end_target_comment" text,
	"end_target_breakdown" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" "indicator_level" NOT NULL,
	"measure" "indicator_measure" DEFAULT 'number' NOT NULL,
	"unit" text,
	"direction" "indicator_direction" DEFAULT 'increase' NOT NULL,
	"cumulative" boolean DEFAULT false NOT NULL,
	"definition" text,
	"calculation_method" text,
	"data_source" text,
	"verification_means" text,
	"collection_frequency" "collection_frequency",
	"responsible" text,
	"dimensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "indicator_on_track" numeric(5, 2) DEFAULT '90' NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "indicator_at_risk" numeric(5, 2) DEFAULT '60' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_documents" ADD CONSTRAINT "indicator_documents_value_id_indicator_values_id_fk" FOREIGN KEY ("value_id") REFERENCES "public"."indicator_values"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_documents" ADD CONSTRAINT "indicator_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_documents" ADD CONSTRAINT "indicator_documents_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_entered_by_id_users_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_result_node_id_result_nodes_id_fk" FOREIGN KEY ("result_node_id") REFERENCES "public"."result_nodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_library_indicator_id_library_indicators_id_fk" FOREIGN KEY ("library_indicator_id") REFERENCES "public"."library_indicators"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_indicators" ADD CONSTRAINT "library_indicators_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_documents_value_idx" ON "indicator_documents" USING btree ("value_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_period_key" ON "indicator_targets" USING btree ("indicator_id","year","period");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_period_key" ON "indicator_values" USING btree ("indicator_id","year","period");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_key" ON "indicators" USING btree ("project_id","code");--> statement-breakpoint
CREATE INDEX "indicators_node_idx" ON "indicators" USING btree ("result_node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "library_indicators_code_key" ON "library_indicators" USING btree ("organisation_id","code");