// The one database schema, shared by PGlite and PostgreSQL. Migrations in
// ../../drizzle are generated from this file by `npm run db:generate`.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const id = () => uuid("id").primaryKey().defaultRandom();
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
/** Optimistic-concurrency counter: every update must name the version it read. */
const rowVersion = () => integer("version").notNull().default(1);
/** Amounts in the project's currency, exact, stored as the canonical decimal the API received. */
const money = (name: string) => numeric(name);

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    parentId: uuid("parent_id").references((): AnyPgColumn => organisations.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [uniqueIndex("organisations_code_key").on(t.code), index("organisations_parent_idx").on(t.parentId)],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale").notNull().default("fr"),
    isPlatformAdmin: boolean("is_platform_admin").notNull().default(false),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export const projects = pgTable(
  "projects",
  {
    id: id(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    currency: text("currency").notNull(),
    startDate: date("start_date"),
    endDate: date("end_date"),
    status: text("status").notNull().default("active"),
    genderMarker: text("gender_marker"),
    riskMarker: text("risk_marker"),
    sector: text("sector"),
    locations: jsonb("locations").$type<string[]>().notNull().default([]),
    levelLabels: jsonb("level_labels").$type<string[]>().notNull(),
    fiscalYearStartMonth: smallint("fiscal_year_start_month").notNull().default(1),
    published: boolean("published").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    uniqueIndex("projects_code_key").on(t.code),
    index("projects_organisation_idx").on(t.organisationId),
  ],
);

export const projectPartners = pgTable(
  "project_partners",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    name: text("name").notNull(),
    role: text("role").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("project_partners_project_idx").on(t.projectId)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("memberships_user_idx").on(t.userId),
    index("memberships_organisation_idx").on(t.organisationId),
    index("memberships_project_idx").on(t.projectId),
    check("memberships_one_scope", sql`(${t.organisationId} is null) <> (${t.projectId} is null)`),
  ],
);

export const resultNodes = pgTable(
  "result_nodes",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => resultNodes.id, { onDelete: "cascade" }),
    level: smallint("level").notNull(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [index("result_nodes_project_idx").on(t.projectId, t.position)],
);

export const workplans = pgTable(
  "workplans",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    year: smallint("year").notNull(),
    planVersion: integer("plan_version").notNull(),
    title: text("title").notNull(),
    status: text("status").notNull().default("draft"),
    declaredTotal: money("declared_total"),
    copiedFromId: uuid("copied_from_id"),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    uniqueIndex("workplans_project_year_version_key").on(t.projectId, t.year, t.planVersion),
    index("workplans_project_idx").on(t.projectId, t.year),
  ],
);

/** Declared sub-totals per results node, as the source document stated them. */
export const declaredTotals = pgTable(
  "workplan_declared_totals",
  {
    workplanId: uuid("workplan_id")
      .notNull()
      .references(() => workplans.id, { onDelete: "cascade" }),
    resultNodeId: uuid("result_node_id")
      .notNull()
      .references(() => resultNodes.id, { onDelete: "cascade" }),
    amount: money("amount").notNull(),
  },
  (t) => [uniqueIndex("workplan_declared_totals_key").on(t.workplanId, t.resultNodeId)],
);

/** One row per workflow step: who moved the plan where, when, and why. */
export const workplanSteps = pgTable(
  "workplan_steps",
  {
    id: id(),
    workplanId: uuid("workplan_id")
      .notNull()
      .references(() => workplans.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    comment: text("comment"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("workplan_steps_workplan_idx").on(t.workplanId, t.at)],
);

export const activities = pgTable(
  "activities",
  {
    id: id(),
    workplanId: uuid("workplan_id")
      .notNull()
      .references(() => workplans.id, { onDelete: "cascade" }),
    resultNodeId: uuid("result_node_id").references(() => resultNodes.id, { onDelete: "set null" }),
    code: text("code"),
    title: text("title").notNull(),
    outputIndicator: text("output_indicator"),
    deadline: date("deadline"),
    deadlineText: text("deadline_text"),
    months: jsonb("months").$type<number[]>().notNull().default([]),
    responsible: text("responsible"),
    comments: text("comments"),
    noCost: boolean("no_cost").notNull().default(false),
    continuesActivityId: uuid("continues_activity_id"),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [index("activities_workplan_idx").on(t.workplanId, t.position)],
);

export const budgetLines = pgTable(
  "budget_lines",
  {
    id: id(),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    workplanId: uuid("workplan_id")
      .notNull()
      .references(() => workplans.id, { onDelete: "cascade" }),
    description: text("description"),
    accountCode: text("account_code"),
    accountLabel: text("account_label"),
    fundCode: text("fund_code"),
    quantity: numeric("quantity", { precision: 18, scale: 3 }),
    unit: text("unit"),
    unitCost: money("unit_cost"),
    /** As declared by the user; null means "quantity × unit cost". */
    amount: money("amount"),
    funded: boolean("funded").notNull().default(true),
    genderSharePercent: numeric("gender_share_percent", { precision: 5, scale: 2 }),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    index("budget_lines_activity_idx").on(t.activityId, t.position),
    index("budget_lines_workplan_idx").on(t.workplanId),
    check("budget_lines_quantity_nonneg", sql`${t.quantity} is null or ${t.quantity} >= 0`),
    check("budget_lines_unit_cost_nonneg", sql`${t.unitCost} is null or ${t.unitCost} >= 0`),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id"),
    projectId: uuid("project_id"),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_project_idx").on(t.projectId, t.at),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie token: a leaked table does not leak live sessions. */
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    success: boolean("success").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_email_idx").on(t.email, t.at), index("login_attempts_ip_idx").on(t.ip, t.at)],
);
