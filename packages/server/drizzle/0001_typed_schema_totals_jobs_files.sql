CREATE TYPE "public"."audit_action" AS ENUM('create', 'update', 'delete', 'move', 'submit', 'approve', 'endorse', 'return', 'login', 'logout');--> statement-breakpoint
CREATE TYPE "public"."audit_entity" AS ENUM('organisation', 'user', 'membership', 'project', 'resultNode', 'workplan', 'declaredTotal', 'activity', 'budgetLine', 'import');--> statement-breakpoint
CREATE TYPE "public"."currency" AS ENUM('XOF', 'XAF', 'USD', 'EUR', 'GNF');--> statement-breakpoint
CREATE TYPE "public"."gender_marker" AS ENUM('GEN0', 'GEN1', 'GEN2', 'GEN3');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('reading', 'ready', 'failed', 'committing', 'committed');--> statement-breakpoint
CREATE TYPE "public"."job_state" AS ENUM('created', 'retry', 'active', 'completed', 'cancelled', 'failed');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('fr', 'en');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('ministry', 'agency', 'unit', 'partner', 'donor', 'other');--> statement-breakpoint
CREATE TYPE "public"."partner_role" AS ENUM('funder', 'implementer', 'responsible', 'other');--> statement-breakpoint
CREATE TYPE "public"."plan_action" AS ENUM('submit', 'approve', 'endorse', 'return');--> statement-breakpoint
CREATE TYPE "public"."plan_status" AS ENUM('draft', 'submitted', 'approved', 'endorsed');--> statement-breakpoint
CREATE TYPE "public"."project_status" AS ENUM('pipeline', 'active', 'suspended', 'closed');--> statement-breakpoint
CREATE TYPE "public"."risk_marker" AS ENUM('0', '1', '2', '3');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'manager', 'editor', 'approver', 'viewer');--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"status" "import_status" DEFAULT 'reading' NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"plan" jsonb,
	"sheets" jsonb,
	"error" jsonb,
	"job_id" uuid,
	"workplan_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"project_id" uuid,
	"created_by_id" uuid,
	"state" "job_state" DEFAULT 'created' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"stage" text,
	"error" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "entity" SET DATA TYPE "public"."audit_entity" USING "entity"::"public"."audit_entity";--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE "public"."audit_action" USING "action"::"public"."audit_action";--> statement-breakpoint
ALTER TABLE "memberships" ALTER COLUMN "role" SET DATA TYPE "public"."role" USING "role"::"public"."role";--> statement-breakpoint
ALTER TABLE "organisations" ALTER COLUMN "kind" SET DATA TYPE "public"."organisation_kind" USING "kind"::"public"."organisation_kind";--> statement-breakpoint
ALTER TABLE "project_partners" ALTER COLUMN "role" SET DATA TYPE "public"."partner_role" USING "role"::"public"."partner_role";--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "currency" SET DATA TYPE "public"."currency" USING "currency"::"public"."currency";--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "status" SET DATA TYPE "public"."project_status" USING "status"::"public"."project_status";--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "status" SET DEFAULT 'active';--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "gender_marker" SET DATA TYPE "public"."gender_marker" USING "gender_marker"::"public"."gender_marker";--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "risk_marker" SET DATA TYPE "public"."risk_marker" USING "risk_marker"::"public"."risk_marker";--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "locale" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "locale" SET DATA TYPE "public"."locale" USING "locale"::"public"."locale";--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "locale" SET DEFAULT 'fr';--> statement-breakpoint
ALTER TABLE "workplan_steps" ALTER COLUMN "action" SET DATA TYPE "public"."plan_action" USING "action"::"public"."plan_action";--> statement-breakpoint
ALTER TABLE "workplan_steps" ALTER COLUMN "from_status" SET DATA TYPE "public"."plan_status" USING "from_status"::"public"."plan_status";--> statement-breakpoint
ALTER TABLE "workplan_steps" ALTER COLUMN "to_status" SET DATA TYPE "public"."plan_status" USING "to_status"::"public"."plan_status";--> statement-breakpoint
ALTER TABLE "workplans" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "workplans" ALTER COLUMN "status" SET DATA TYPE "public"."plan_status" USING "status"::"public"."plan_status";--> statement-breakpoint
ALTER TABLE "workplans" ALTER COLUMN "status" SET DEFAULT 'draft';--> statement-breakpoint
ALTER TABLE "workplans" ADD COLUMN "total_computed" numeric DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "workplans" ADD COLUMN "activity_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workplans" ADD COLUMN "line_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workplans" ADD COLUMN "finding_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workplans" ADD COLUMN "totals_stale" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_workplan_id_workplans_id_fk" FOREIGN KEY ("workplan_id") REFERENCES "public"."workplans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_project_idx" ON "imports" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "imports_workplan_idx" ON "imports" USING btree ("workplan_id");--> statement-breakpoint
CREATE INDEX "jobs_project_idx" ON "jobs" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "stored_files_sha256_idx" ON "stored_files" USING btree ("sha256");--> statement-breakpoint
-- References to rows deleted before these foreign keys existed are cleared.
UPDATE "activities" SET "continues_activity_id" = NULL WHERE "continues_activity_id" IS NOT NULL AND "continues_activity_id" NOT IN (SELECT "id" FROM "activities");--> statement-breakpoint
UPDATE "audit_log" SET "user_id" = NULL WHERE "user_id" IS NOT NULL AND "user_id" NOT IN (SELECT "id" FROM "users");--> statement-breakpoint
UPDATE "audit_log" SET "project_id" = NULL WHERE "project_id" IS NOT NULL AND "project_id" NOT IN (SELECT "id" FROM "projects");--> statement-breakpoint
UPDATE "workplans" SET "copied_from_id" = NULL WHERE "copied_from_id" IS NOT NULL AND "copied_from_id" NOT IN (SELECT "id" FROM "workplans");--> statement-breakpoint
-- Plans written before their totals were stored get them at the next start-up.
UPDATE "workplans" SET "totals_stale" = true;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_continues_activity_id_activities_id_fk" FOREIGN KEY ("continues_activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplans" ADD CONSTRAINT "workplans_copied_from_id_workplans_id_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."workplans"("id") ON DELETE set null ON UPDATE no action;