CREATE TYPE "public"."agenda_item_kind" AS ENUM('regular', 'follow_up');--> statement-breakpoint
CREATE TYPE "public"."attendance_status" AS ENUM('present', 'absent', 'excused', 'represented');--> statement-breakpoint
CREATE TYPE "public"."body_kind" AS ENUM('steering', 'technical', 'coordination', 'local', 'other');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('planned', 'held', 'minutes_approved');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('chair', 'secretary', 'member');--> statement-breakpoint
CREATE TYPE "public"."priority" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TYPE "public"."recommendation_origin" AS ENUM('meeting', 'review', 'mission', 'audit', 'report');--> statement-breakpoint
CREATE TYPE "public"."recommendation_status" AS ENUM('not_started', 'in_progress', 'done', 'dropped');--> statement-breakpoint
ALTER TYPE "public"."audit_entity" ADD VALUE 'committeeBody';--> statement-breakpoint
ALTER TYPE "public"."audit_entity" ADD VALUE 'meeting';--> statement-breakpoint
ALTER TYPE "public"."audit_entity" ADD VALUE 'recommendation';--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "agenda_item_kind" DEFAULT 'regular' NOT NULL,
	"title" text NOT NULL,
	"minutes" text,
	"decisions" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "body_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"name" text NOT NULL,
	"function" text,
	"structure" text,
	"phone" text,
	"email" text,
	"position" integer DEFAULT 0 NOT NULL,
	"role" "member_role" DEFAULT 'member' NOT NULL,
	"user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "committee_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"project_id" uuid,
	"kind" "body_kind" NOT NULL,
	"name" text NOT NULL,
	"sessions_per_year" smallint,
	"rules" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_follow_up_items" (
	"meeting_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"name" text NOT NULL,
	"function" text,
	"structure" text,
	"phone" text,
	"email" text,
	"position" integer DEFAULT 0 NOT NULL,
	"status" "attendance_status" DEFAULT 'present' NOT NULL,
	"represented_by" text
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"place" text,
	"link" text,
	"context" text,
	"status" "meeting_status" DEFAULT 'planned' NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"meeting_id" uuid,
	"date" date NOT NULL,
	"status" "recommendation_status" NOT NULL,
	"comment" text,
	"recorded_by_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"activity_id" uuid,
	"workplan_id" uuid,
	CONSTRAINT "recommendation_links_one_target" CHECK (("recommendation_links"."activity_id" is null) <> ("recommendation_links"."workplan_id" is null))
);
--> statement-breakpoint
CREATE TABLE "recommendation_responsibles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"organisation_id" uuid,
	"user_id" uuid,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"project_id" uuid,
	"body_id" uuid,
	"meeting_id" uuid,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"origin" "recommendation_origin" DEFAULT 'meeting' NOT NULL,
	"origin_reference" text,
	"status" "recommendation_status" DEFAULT 'not_started' NOT NULL,
	"due_date" date,
	"priority" "priority" DEFAULT 'medium' NOT NULL,
	"renewed_from_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workplan_steps" ADD COLUMN "meeting_id" uuid;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_members" ADD CONSTRAINT "body_members_body_id_committee_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."committee_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_members" ADD CONSTRAINT "body_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_bodies" ADD CONSTRAINT "committee_bodies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_bodies" ADD CONSTRAINT "committee_bodies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_follow_up_items" ADD CONSTRAINT "meeting_follow_up_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_follow_up_items" ADD CONSTRAINT "meeting_follow_up_items_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_body_id_committee_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."committee_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_follow_ups" ADD CONSTRAINT "recommendation_follow_ups_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_follow_ups" ADD CONSTRAINT "recommendation_follow_ups_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_follow_ups" ADD CONSTRAINT "recommendation_follow_ups_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_links" ADD CONSTRAINT "recommendation_links_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_links" ADD CONSTRAINT "recommendation_links_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_links" ADD CONSTRAINT "recommendation_links_workplan_id_workplans_id_fk" FOREIGN KEY ("workplan_id") REFERENCES "public"."workplans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_responsibles" ADD CONSTRAINT "recommendation_responsibles_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_responsibles" ADD CONSTRAINT "recommendation_responsibles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_responsibles" ADD CONSTRAINT "recommendation_responsibles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_body_id_committee_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."committee_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_renewed_from_id_recommendations_id_fk" FOREIGN KEY ("renewed_from_id") REFERENCES "public"."recommendations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "body_members_body_idx" ON "body_members" USING btree ("body_id","position");--> statement-breakpoint
CREATE INDEX "committee_bodies_organisation_idx" ON "committee_bodies" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "committee_bodies_project_idx" ON "committee_bodies" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_follow_up_items_key" ON "meeting_follow_up_items" USING btree ("meeting_id","recommendation_id");--> statement-breakpoint
CREATE INDEX "meeting_follow_up_items_recommendation_idx" ON "meeting_follow_up_items" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_meeting_idx" ON "meeting_participants" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meetings_body_idx" ON "meetings" USING btree ("body_id","date");--> statement-breakpoint
CREATE INDEX "recommendation_follow_ups_recommendation_idx" ON "recommendation_follow_ups" USING btree ("recommendation_id","date");--> statement-breakpoint
CREATE INDEX "recommendation_links_recommendation_idx" ON "recommendation_links" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "recommendation_responsibles_recommendation_idx" ON "recommendation_responsibles" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "recommendation_responsibles_organisation_idx" ON "recommendation_responsibles" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "recommendation_responsibles_user_idx" ON "recommendation_responsibles" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "recommendations_organisation_idx" ON "recommendations" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "recommendations_body_idx" ON "recommendations" USING btree ("body_id","status");--> statement-breakpoint
CREATE INDEX "recommendations_meeting_idx" ON "recommendations" USING btree ("meeting_id","number");--> statement-breakpoint
CREATE INDEX "recommendations_due_idx" ON "recommendations" USING btree ("due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_renewed_from_key" ON "recommendations" USING btree ("renewed_from_id");--> statement-breakpoint
ALTER TABLE "workplan_steps" ADD CONSTRAINT "workplan_steps_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;