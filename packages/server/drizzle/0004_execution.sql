CREATE TYPE "public"."activity_status" AS ENUM('not_started', 'in_progress', 'done', 'postponed', 'cancelled', 'reprogrammed');--> statement-breakpoint
CREATE TYPE "public"."credit_kind" AS ENUM('allocated', 'notified', 'payment');--> statement-breakpoint
CREATE TYPE "public"."transaction_stage" AS ENUM('commitment', 'liquidation', 'payment');--> statement-breakpoint
ALTER TYPE "public"."audit_entity" ADD VALUE 'activityProgress';--> statement-breakpoint
ALTER TYPE "public"."audit_entity" ADD VALUE 'transaction';--> statement-breakpoint
ALTER TYPE "public"."audit_entity" ADD VALUE 'planExecution';--> statement-breakpoint
ALTER TYPE "public"."audit_entity" ADD VALUE 'unplannedActivity';--> statement-breakpoint
CREATE TABLE "activity_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"workplan_id" uuid NOT NULL,
	"period" text NOT NULL,
	"status" "activity_status" NOT NULL,
	"percent" numeric(5, 2),
	"actual_start" date,
	"actual_end" date,
	"period_text" text,
	"observations" text,
	"delay_reason" text,
	"recorded_by_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "activity_progress_percent_range" CHECK ("activity_progress"."percent" is null or ("activity_progress"."percent" >= 0 and "activity_progress"."percent" <= 100))
);
--> statement-breakpoint
CREATE TABLE "execution_credits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workplan_id" uuid NOT NULL,
	"kind" "credit_kind" NOT NULL,
	"category" text,
	"amount" numeric NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "execution_credits_amount_nonneg" CHECK ("execution_credits"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "execution_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "execution_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workplan_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"budget_line_id" uuid,
	"stage" "transaction_stage" NOT NULL,
	"date" date NOT NULL,
	"amount" numeric NOT NULL,
	"reference" text,
	"supplier" text,
	"category" text,
	"import_id" uuid,
	"fingerprint" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "execution_transactions_amount_nonneg" CHECK ("execution_transactions"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "plan_executions" (
	"workplan_id" uuid PRIMARY KEY NOT NULL,
	"exclude_cancelled" boolean DEFAULT true NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_id" uuid,
	"planned" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"cancelled" integer DEFAULT 0 NOT NULL,
	"progress_sum" integer DEFAULT 0 NOT NULL,
	"weighted" numeric DEFAULT '0' NOT NULL,
	"weight_base" numeric DEFAULT '0' NOT NULL,
	"budget" numeric DEFAULT '0' NOT NULL,
	"committed" numeric DEFAULT '0' NOT NULL,
	"liquidated" numeric DEFAULT '0' NOT NULL,
	"paid" numeric DEFAULT '0' NOT NULL,
	"allocated" numeric,
	"notified" numeric,
	"payment_credit" numeric,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transaction_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workplan_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"status" "import_status" DEFAULT 'reading' NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reading" jsonb,
	"error" jsonb,
	"job_id" uuid,
	"written" integer,
	"skipped" integer,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unplanned_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workplan_id" uuid NOT NULL,
	"result_node_id" uuid,
	"title" text NOT NULL,
	"period_text" text,
	"observations" text,
	"cost" numeric,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_progress" ADD CONSTRAINT "activity_progress_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_progress" ADD CONSTRAINT "activity_progress_workplan_id_workplans_id_fk" FOREIGN KEY ("workplan_id") REFERENCES "public"."workplans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_progress" ADD CONSTRAINT "activity_progress_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "execution_credits" ADD CONSTRAINT "execution_credits_workplan_id_workplans_id_fk" FOREIGN KEY ("workplan_id") REFERENCES "public"."workplans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "execution_documents" ADD CONSTRAINT "execution_documents_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "execution_documents" ADD CONSTRAINT "execution_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "execution_documents" ADD CONSTRAINT "execution_documents_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "execution_transactions" ADD CONSTRAINT "execution_transactions_workplan_id_workplans_id_fk" FOREIGN KEY ("workplan_id") REFERENCES "public"."workplans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "execution_transactions" ADD CONSTRAINT "execution_transactions_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "execution_transactions" ADD CONSTRAINT "execution_transactions_budget_line_id_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."budget_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "execution_transactions" ADD CONSTRAINT "execution_transactions_import_id_transaction_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."transaction_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "execution_transactions" ADD CONSTRAINT "execution_transactions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_executions" ADD CONSTRAINT "plan_executions_workplan_id_workplans_id_fk" FOREIGN KEY ("workplan_id") REFERENCES "public"."workplans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_executions" ADD CONSTRAINT "plan_executions_closed_by_id_users_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_imports" ADD CONSTRAINT "transaction_imports_workplan_id_workplans_id_fk" FOREIGN KEY ("workplan_id") REFERENCES "public"."workplans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_imports" ADD CONSTRAINT "transaction_imports_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_imports" ADD CONSTRAINT "transaction_imports_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_imports" ADD CONSTRAINT "transaction_imports_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unplanned_activities" ADD CONSTRAINT "unplanned_activities_workplan_id_workplans_id_fk" FOREIGN KEY ("workplan_id") REFERENCES "public"."workplans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unplanned_activities" ADD CONSTRAINT "unplanned_activities_result_node_id_result_nodes_id_fk" FOREIGN KEY ("result_node_id") REFERENCES "public"."result_nodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unplanned_activities" ADD CONSTRAINT "unplanned_activities_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_progress_period_key" ON "activity_progress" USING btree ("activity_id","period");--> statement-breakpoint
CREATE INDEX "activity_progress_workplan_idx" ON "activity_progress" USING btree ("workplan_id");--> statement-breakpoint
CREATE INDEX "execution_credits_workplan_idx" ON "execution_credits" USING btree ("workplan_id");--> statement-breakpoint
CREATE INDEX "execution_documents_activity_idx" ON "execution_documents" USING btree ("activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "execution_transactions_fingerprint_key" ON "execution_transactions" USING btree ("workplan_id","fingerprint");--> statement-breakpoint
CREATE INDEX "execution_transactions_activity_idx" ON "execution_transactions" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "execution_transactions_workplan_idx" ON "execution_transactions" USING btree ("workplan_id","date");--> statement-breakpoint
CREATE INDEX "transaction_imports_workplan_idx" ON "transaction_imports" USING btree ("workplan_id","created_at");--> statement-breakpoint
CREATE INDEX "unplanned_activities_workplan_idx" ON "unplanned_activities" USING btree ("workplan_id","position");