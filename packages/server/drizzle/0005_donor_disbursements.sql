ALTER TYPE "public"."credit_kind" ADD VALUE 'disbursed';--> statement-breakpoint
ALTER TABLE "plan_executions" ADD COLUMN "disbursed" numeric;