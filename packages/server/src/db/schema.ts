// The one database schema, shared by PGlite and PostgreSQL. Migrations in
// ../../drizzle are generated from this file by `npm run db:generate`.
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  CURRENCY_CODES,
  GENDER_MARKERS,
  IMPORT_STATUSES,
  JOB_STATES,
  LOCALES,
  ORGANISATION_KINDS,
  PARTNER_ROLES,
  PLAN_ACTIONS,
  PLAN_STATUSES,
  PROJECT_STATUSES,
  RISK_MARKERS,
  ROLES,
  ACTIVITY_STATUSES,
  CREDIT_KINDS,
  TRANSACTION_STAGES,
  AGENDA_ITEM_KINDS,
  ATTENDANCE_STATUSES,
  BODY_KINDS,
  MEETING_STATUSES,
  MEMBER_ROLES,
  PRIORITIES,
  RECOMMENDATION_ORIGINS,
  RECOMMENDATION_STATUSES,
  COLLECTION_FREQUENCIES,
  INDICATOR_DIRECTIONS,
  INDICATOR_LEVELS,
  INDICATOR_MEASURES,
  INDICATOR_VALUE_STATUSES,
  type api,
  type ImportedPlan,
  REPORT_FORMATS,
  REPORT_STATUSES,
  STORED_REPORT_TEMPLATES,
} from "@baara/core";
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
  pgEnum,
  pgTable,
  real,
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

// Enumerations, from core's lists: the database refuses what the domain does not know.
export const organisationKind = pgEnum("organisation_kind", ORGANISATION_KINDS);
export const locale = pgEnum("locale", LOCALES);
export const currency = pgEnum("currency", CURRENCY_CODES);
export const projectStatus = pgEnum("project_status", PROJECT_STATUSES);
export const genderMarker = pgEnum("gender_marker", GENDER_MARKERS);
export const riskMarker = pgEnum("risk_marker", RISK_MARKERS);
export const partnerRole = pgEnum("partner_role", PARTNER_ROLES);
export const role = pgEnum("role", ROLES);
export const planStatus = pgEnum("plan_status", PLAN_STATUSES);
export const planAction = pgEnum("plan_action", PLAN_ACTIONS);
export const importStatus = pgEnum("import_status", IMPORT_STATUSES);
export const jobState = pgEnum("job_state", JOB_STATES);
export const auditAction = pgEnum("audit_action", AUDIT_ACTIONS);
export const auditEntity = pgEnum("audit_entity", AUDIT_ENTITIES);
export const activityStatus = pgEnum("activity_status", ACTIVITY_STATUSES);
export const transactionStage = pgEnum("transaction_stage", TRANSACTION_STAGES);
export const creditKind = pgEnum("credit_kind", CREDIT_KINDS);
export const bodyKind = pgEnum("body_kind", BODY_KINDS);
export const memberRole = pgEnum("member_role", MEMBER_ROLES);
export const meetingStatus = pgEnum("meeting_status", MEETING_STATUSES);
export const agendaItemKind = pgEnum("agenda_item_kind", AGENDA_ITEM_KINDS);
export const attendanceStatus = pgEnum("attendance_status", ATTENDANCE_STATUSES);
export const recommendationOrigin = pgEnum("recommendation_origin", RECOMMENDATION_ORIGINS);
export const recommendationStatus = pgEnum("recommendation_status", RECOMMENDATION_STATUSES);
export const priority = pgEnum("priority", PRIORITIES);
export const indicatorLevel = pgEnum("indicator_level", INDICATOR_LEVELS);
export const indicatorMeasure = pgEnum("indicator_measure", INDICATOR_MEASURES);
export const indicatorDirection = pgEnum("indicator_direction", INDICATOR_DIRECTIONS);
export const collectionFrequency = pgEnum("collection_frequency", COLLECTION_FREQUENCIES);
export const indicatorValueStatus = pgEnum("indicator_value_status", INDICATOR_VALUE_STATUSES);
export const reportTemplate = pgEnum("report_template", STORED_REPORT_TEMPLATES);
export const reportStatus = pgEnum("report_status", REPORT_STATUSES);
export const reportFormat = pgEnum("report_format", REPORT_FORMATS);

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    parentId: uuid("parent_id").references((): AnyPgColumn => organisations.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: organisationKind("kind").notNull(),
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
    locale: locale("locale").notNull().default("fr"),
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
    currency: currency("currency").notNull(),
    startDate: date("start_date"),
    endDate: date("end_date"),
    status: projectStatus("status").notNull().default("active"),
    genderMarker: genderMarker("gender_marker"),
    riskMarker: riskMarker("risk_marker"),
    sector: text("sector"),
    locations: jsonb("locations").$type<string[]>().notNull().default([]),
    levelLabels: jsonb("level_labels").$type<string[]>().notNull(),
    fiscalYearStartMonth: smallint("fiscal_year_start_month").notNull().default(1),
    /** An indicator at or above this share of the way to its milestone is on track (percent). */
    indicatorOnTrack: numeric("indicator_on_track", { precision: 5, scale: 2 }).notNull().default("90"),
    /** At or above this share it is at risk, below it off track (percent). */
    indicatorAtRisk: numeric("indicator_at_risk", { precision: 5, scale: 2 }).notNull().default("60"),
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
    role: partnerRole("role").notNull(),
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
    role: role("role").notNull(),
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
    status: planStatus("status").notNull().default("draft"),
    declaredTotal: money("declared_total"),
    copiedFromId: uuid("copied_from_id").references((): AnyPgColumn => workplans.id, { onDelete: "set null" }),
    // What lists show, kept equal to a fresh roll-up of the plan in the transaction of every write
    // that changes it (workplans/totals.ts): no list reads budget lines.
    totalComputed: money("total_computed").notNull().default("0"),
    activityCount: integer("activity_count").notNull().default(0),
    lineCount: integer("line_count").notNull().default(0),
    findingCount: integer("finding_count").notNull().default(0),
    /** Set by a migration that cannot compute totals itself; `refreshStaleTotals` at start-up clears it. */
    totalsStale: boolean("totals_stale").notNull().default(false),
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
    action: planAction("action").notNull(),
    fromStatus: planStatus("from_status").notNull(),
    toStatus: planStatus("to_status").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    comment: text("comment"),
    /** The committee session whose decision this step records (an approval by the steering committee). */
    meetingId: uuid("meeting_id").references((): AnyPgColumn => meetings.id, { onDelete: "set null" }),
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
    continuesActivityId: uuid("continues_activity_id").references((): AnyPgColumn => activities.id, {
      onDelete: "set null",
    }),
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
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    // Kept when the project goes: its history names it by entityId.
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "set null" }),
    entity: auditEntity("entity").notNull(),
    /** The record's id; a composite key for records without one of their own (a declared total). */
    entityId: text("entity_id").notNull(),
    action: auditAction("action").notNull(),
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
    /** SHA-256 of the browser's device cookie: a device that signed in before passes an account-wide throttle. */
    device: text("device"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_email_idx").on(t.email, t.at), index("login_attempts_ip_idx").on(t.ip, t.at)],
);

/** Heavy requests counted per person or address and time window, shared by every server (http/heavy-limit.ts). */
export const requestCounts = pgTable("request_counts", {
  key: text("key").primaryKey(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

/** Uploaded and generated files: the bytes live in the file store under their SHA-256. */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: id(),
    sha256: text("sha256").notNull(),
    name: text("name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    uploadedById: uuid("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("stored_files_sha256_idx").on(t.sha256)],
);

/** Background work (pg-boss runs it): what the API shows of it, with its progress. */
export const jobs = pgTable(
  "jobs",
  {
    /** pg-boss's id of the job. */
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    /** What the handler is given; kept to queue the job again if it was lost. */
    data: jsonb("data").$type<object>().notNull(),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    state: jobState("state").notNull().default("created"),
    progress: real("progress").notNull().default(0),
    stage: text("stage"),
    error: jsonb("error").$type<{ code: string; params: Record<string, string | number> }>(),
    /** Attempts started, and the server process that ran the last one (host/pid), for operations. */
    attempts: integer("attempts").notNull().default(0),
    worker: text("worker"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("jobs_project_idx").on(t.projectId, t.createdAt)],
);

/** A work-plan file, what it was read as, and the plan version it became. */
export const imports = pgTable(
  "imports",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id),
    status: importStatus("status").notNull().default("reading"),
    options: jsonb("options").$type<api.ImportOptions>().notNull().default({}),
    /** The plan as read, written as is on commit: the file is parsed once per reading. */
    plan: jsonb("plan").$type<ImportedPlan>(),
    sheets: jsonb("sheets").$type<string[]>(),
    error: jsonb("error").$type<{ code: string; params: Record<string, string | number> }>(),
    jobId: uuid("job_id").references(() => jobs.id, { onDelete: "set null" }),
    workplanId: uuid("workplan_id").references(() => workplans.id, { onDelete: "set null" }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [index("imports_project_idx").on(t.projectId, t.createdAt), index("imports_workplan_idx").on(t.workplanId)],
);

/**
 * The execution of an approved plan as a whole: its settings, whether its year
 * is closed, and the sums that lists (project, organisation, portfolio) read,
 * refreshed in the transaction of every execution write (execution/sums.ts).
 */
export const planExecutions = pgTable("plan_executions", {
  workplanId: uuid("workplan_id")
    .primaryKey()
    .references(() => workplans.id, { onDelete: "cascade" }),
  excludeCancelled: boolean("exclude_cancelled").notNull().default(true),
  closedAt: timestamp("closed_at", { withTimezone: true }),
  closedById: uuid("closed_by_id").references(() => users.id, { onDelete: "set null" }),
  planned: integer("planned").notNull().default(0),
  done: integer("done").notNull().default(0),
  cancelled: integer("cancelled").notNull().default(0),
  progressSum: integer("progress_sum").notNull().default(0),
  weighted: numeric("weighted").notNull().default("0"),
  weightBase: numeric("weight_base").notNull().default("0"),
  budget: money("budget").notNull().default("0"),
  committed: money("committed").notNull().default("0"),
  liquidated: money("liquidated").notNull().default("0"),
  paid: money("paid").notNull().default("0"),
  allocated: money("allocated"),
  notified: money("notified"),
  paymentCredit: money("payment_credit"),
  disbursed: money("disbursed"),
  updatedAt: updatedAt(),
  version: rowVersion(),
});

/** A plan's credits by kind and budget category (BSI, fonctionnement…). */
export const executionCredits = pgTable(
  "execution_credits",
  {
    id: id(),
    workplanId: uuid("workplan_id")
      .notNull()
      .references(() => workplans.id, { onDelete: "cascade" }),
    kind: creditKind("kind").notNull(),
    category: text("category"),
    amount: money("amount").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("execution_credits_workplan_idx").on(t.workplanId), check("execution_credits_amount_nonneg", sql`${t.amount} >= 0`)],
);

/** Where an activity stood at the end of a reporting period: one record per activity and period. */
export const activityProgress = pgTable(
  "activity_progress",
  {
    id: id(),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    workplanId: uuid("workplan_id")
      .notNull()
      .references(() => workplans.id, { onDelete: "cascade" }),
    /** "M04", "Q2", "S1" or "Y" of the plan's fiscal year (core's periods). */
    period: text("period").notNull(),
    status: activityStatus("status").notNull(),
    percent: numeric("percent", { precision: 5, scale: 2 }),
    actualStart: date("actual_start"),
    actualEnd: date("actual_end"),
    /** The period as people write it: « Du 14 au 19 avril 2023 ». */
    periodText: text("period_text"),
    observations: text("observations"),
    delayReason: text("delay_reason"),
    recordedById: uuid("recorded_by_id").references(() => users.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    version: rowVersion(),
  },
  (t) => [
    uniqueIndex("activity_progress_period_key").on(t.activityId, t.period),
    index("activity_progress_workplan_idx").on(t.workplanId),
    check("activity_progress_percent_range", sql`${t.percent} is null or (${t.percent} >= 0 and ${t.percent} <= 100)`),
  ],
);

/** Files that show an activity was done (reports, attendance lists, photos). */
export const executionDocuments = pgTable(
  "execution_documents",
  {
    id: id(),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id),
    title: text("title").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("execution_documents_activity_idx").on(t.activityId)],
);

/** Finance-system exports of commitments, liquidations and payments: the file, what it was read as, what it wrote. */
export const transactionImports = pgTable(
  "transaction_imports",
  {
    id: id(),
    workplanId: uuid("workplan_id")
      .notNull()
      .references(() => workplans.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id),
    status: importStatus("status").notNull().default("reading"),
    options: jsonb("options").$type<Record<string, unknown>>().notNull().default({}),
    /** What the file was read as (rows matched to lines, findings), written as is on commit. */
    reading: jsonb("reading").$type<unknown>(),
    error: jsonb("error").$type<{ code: string; params: Record<string, string | number> }>(),
    jobId: uuid("job_id").references(() => jobs.id, { onDelete: "set null" }),
    written: integer("written"),
    skipped: integer("skipped"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [index("transaction_imports_workplan_idx").on(t.workplanId, t.createdAt)],
);

/** A commitment (engagement), liquidation or payment (mandat, décaissement). */
export const executionTransactions = pgTable(
  "execution_transactions",
  {
    id: id(),
    workplanId: uuid("workplan_id")
      .notNull()
      .references(() => workplans.id, { onDelete: "cascade" }),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    budgetLineId: uuid("budget_line_id").references(() => budgetLines.id, { onDelete: "set null" }),
    stage: transactionStage("stage").notNull(),
    date: date("date").notNull(),
    amount: money("amount").notNull(),
    reference: text("reference"),
    supplier: text("supplier"),
    /** Budget category (BSI, fonctionnement…); the line's fund code when not told. */
    category: text("category"),
    importId: uuid("import_id").references(() => transactionImports.id, { onDelete: "set null" }),
    /**
     * What makes an imported transaction the same one when its export is imported again
     * (stage, date, reference, line code, amount); a random value for one entered by hand.
     */
    fingerprint: text("fingerprint").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    uniqueIndex("execution_transactions_fingerprint_key").on(t.workplanId, t.fingerprint),
    index("execution_transactions_activity_idx").on(t.activityId),
    index("execution_transactions_workplan_idx").on(t.workplanId, t.date),
    check("execution_transactions_amount_nonneg", sql`${t.amount} >= 0`),
  ],
);

/** Activities carried out without being in the plan (« autres activités réalisées »). */
export const unplannedActivities = pgTable(
  "unplanned_activities",
  {
    id: id(),
    workplanId: uuid("workplan_id")
      .notNull()
      .references(() => workplans.id, { onDelete: "cascade" }),
    resultNodeId: uuid("result_node_id").references(() => resultNodes.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    periodText: text("period_text"),
    observations: text("observations"),
    cost: money("cost"),
    position: integer("position").notNull().default(0),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [index("unplanned_activities_workplan_idx").on(t.workplanId, t.position)],
);

/** An indicator's value, target or baseline: exact, up to four decimals. */
const indicatorValue = (name: string) => numeric(name, { precision: 20, scale: 4 });

/** What an indicator is and how it is measured: the fields a project's indicator and a library's share. */
const indicatorDefinition = () => ({
  code: text("code").notNull(),
  name: text("name").notNull(),
  level: indicatorLevel("level").notNull(),
  measure: indicatorMeasure("measure").notNull().default("number"),
  unit: text("unit"),
  direction: indicatorDirection("direction").notNull().default("increase"),
  cumulative: boolean("cumulative").notNull().default(false),
  definition: text("definition"),
  calculationMethod: text("calculation_method"),
  dataSource: text("data_source"),
  verificationMeans: text("verification_means"),
  collectionFrequency: collectionFrequency("collection_frequency"),
  responsible: text("responsible"),
  /** Disaggregation dimensions (core's lists: sex, age, location, beneficiary). */
  dimensions: jsonb("dimensions").$type<string[]>().notNull().default([]),
});

/** An organisation's standard indicators, with their metadata, from which its projects pick. */
export const libraryIndicators = pgTable(
  "library_indicators",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    ...indicatorDefinition(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [uniqueIndex("library_indicators_code_key").on(t.organisationId, t.code)],
);

/** A project's indicator, on a node of its results framework (or on the project itself). */
export const indicators = pgTable(
  "indicators",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    resultNodeId: uuid("result_node_id").references(() => resultNodes.id, { onDelete: "set null" }),
    libraryIndicatorId: uuid("library_indicator_id").references(() => libraryIndicators.id, { onDelete: "set null" }),
    ...indicatorDefinition(),
    baselineValue: indicatorValue("baseline_value"),
    baselineDate: date("baseline_date"),
    baselineSource: text("baseline_source"),
    endTarget: indicatorValue("end_target"),
    endTargetComment: text("end_target_comment"),
    /** End-of-project targets per disaggregation category ("sex:women" → "15"). */
    endTargetBreakdown: jsonb("end_target_breakdown").$type<Record<string, string>>().notNull().default({}),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [uniqueIndex("indicators_code_key").on(t.projectId, t.code), index("indicators_node_idx").on(t.resultNodeId)],
);

/** A target of a year (period "Y") or a milestone of a period; a target without a value keeps only its words. */
export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    id: id(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    year: smallint("year").notNull(),
    period: text("period").notNull(),
    value: indicatorValue("value"),
    breakdown: jsonb("breakdown").$type<Record<string, string>>().notNull().default({}),
    comment: text("comment"),
  },
  (t) => [uniqueIndex("indicator_targets_period_key").on(t.indicatorId, t.year, t.period)],
);

/** A value reported for a period, with its breakdown: entered, then validated (locked) or returned. */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: id(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    year: smallint("year").notNull(),
    period: text("period").notNull(),
    value: indicatorValue("value"),
    /** The words of a text indicator. */
    textValue: text("text_value"),
    breakdown: jsonb("breakdown").$type<Record<string, string>>().notNull().default({}),
    comment: text("comment"),
    varianceReason: text("variance_reason"),
    status: indicatorValueStatus("status").notNull().default("entered"),
    /** Why an approver returned it, or reopened it. */
    reviewComment: text("review_comment"),
    enteredById: uuid("entered_by_id").references(() => users.id, { onDelete: "set null" }),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull().defaultNow(),
    reviewedById: uuid("reviewed_by_id").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    version: rowVersion(),
  },
  (t) => [uniqueIndex("indicator_values_period_key").on(t.indicatorId, t.year, t.period)],
);

/** Files that back a reported value (attendance lists, survey reports). */
export const indicatorDocuments = pgTable(
  "indicator_documents",
  {
    id: id(),
    valueId: uuid("value_id")
      .notNull()
      .references(() => indicatorValues.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id),
    title: text("title").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("indicator_documents_value_idx").on(t.valueId)],
);

// ---- Committees: bodies, their sessions, and the recommendations followed from one session to the next.

/** A committee (steering, technical, coordination…) of an organisation, or of one of its projects. */
export const committeeBodies = pgTable(
  "committee_bodies",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    kind: bodyKind("kind").notNull(),
    name: text("name").notNull(),
    sessionsPerYear: smallint("sessions_per_year"),
    rules: text("rules"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [index("committee_bodies_organisation_idx").on(t.organisationId), index("committee_bodies_project_idx").on(t.projectId)],
);

const person = () => ({
  name: text("name").notNull(),
  function: text("function"),
  structure: text("structure"),
  phone: text("phone"),
  email: text("email"),
  position: integer("position").notNull().default(0),
});

export const bodyMembers = pgTable(
  "body_members",
  {
    id: id(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => committeeBodies.id, { onDelete: "cascade" }),
    ...person(),
    role: memberRole("role").notNull().default("member"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("body_members_body_idx").on(t.bodyId, t.position)],
);

/** A session of a body. Its version moves with every change of its agenda or attendance. */
export const meetings = pgTable(
  "meetings",
  {
    id: id(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => committeeBodies.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    date: date("date").notNull(),
    place: text("place"),
    link: text("link"),
    context: text("context"),
    status: meetingStatus("status").notNull().default("planned"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedById: uuid("approved_by_id").references(() => users.id, { onDelete: "set null" }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [index("meetings_body_idx").on(t.bodyId, t.date)],
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: id(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: agendaItemKind("kind").notNull().default("regular"),
    title: text("title").notNull(),
    minutes: text("minutes"),
    decisions: text("decisions"),
    version: rowVersion(),
  },
  (t) => [index("agenda_items_meeting_idx").on(t.meetingId, t.position)],
);

export const meetingParticipants = pgTable(
  "meeting_participants",
  {
    id: id(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    ...person(),
    status: attendanceStatus("status").notNull().default("present"),
    representedBy: text("represented_by"),
  },
  (t) => [index("meeting_participants_meeting_idx").on(t.meetingId, t.position)],
);

/** A recommendation or action item: of a session, or of a review, mission, audit or report of an organisation. */
export const recommendations = pgTable(
  "recommendations",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    bodyId: uuid("body_id").references(() => committeeBodies.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    text: text("text").notNull(),
    origin: recommendationOrigin("origin").notNull().default("meeting"),
    originReference: text("origin_reference"),
    status: recommendationStatus("status").notNull().default("not_started"),
    dueDate: date("due_date"),
    priority: priority("priority").notNull().default("medium"),
    renewedFromId: uuid("renewed_from_id").references((): AnyPgColumn => recommendations.id, { onDelete: "set null" }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    index("recommendations_organisation_idx").on(t.organisationId, t.status),
    index("recommendations_body_idx").on(t.bodyId, t.status),
    index("recommendations_meeting_idx").on(t.meetingId, t.number),
    index("recommendations_due_idx").on(t.dueDate),
    // A recommendation is renewed once: its renewal carries the thread on.
    uniqueIndex("recommendations_renewed_from_key").on(t.renewedFromId),
  ],
);

export const recommendationResponsibles = pgTable(
  "recommendation_responsibles",
  {
    id: id(),
    recommendationId: uuid("recommendation_id")
      .notNull()
      .references(() => recommendations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    index("recommendation_responsibles_recommendation_idx").on(t.recommendationId),
    index("recommendation_responsibles_organisation_idx").on(t.organisationId),
    index("recommendation_responsibles_user_idx").on(t.userId),
  ],
);

/** Where a recommendation stood on a day: recorded in a later session, or from a report. */
export const recommendationFollowUps = pgTable(
  "recommendation_follow_ups",
  {
    id: id(),
    recommendationId: uuid("recommendation_id")
      .notNull()
      .references(() => recommendations.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    date: date("date").notNull(),
    status: recommendationStatus("status").notNull(),
    comment: text("comment"),
    recordedById: uuid("recorded_by_id").references(() => users.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recommendation_follow_ups_recommendation_idx").on(t.recommendationId, t.date)],
);

/** The recommendations a session follows up, chosen when it is planned (the open ones of its body then). */
export const meetingFollowUpItems = pgTable(
  "meeting_follow_up_items",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    recommendationId: uuid("recommendation_id")
      .notNull()
      .references(() => recommendations.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    uniqueIndex("meeting_follow_up_items_key").on(t.meetingId, t.recommendationId),
    index("meeting_follow_up_items_recommendation_idx").on(t.recommendationId),
  ],
);

/** What a recommendation is about: an activity, or a version of a work plan. */
export const recommendationLinks = pgTable(
  "recommendation_links",
  {
    id: id(),
    recommendationId: uuid("recommendation_id")
      .notNull()
      .references(() => recommendations.id, { onDelete: "cascade" }),
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "cascade" }),
    workplanId: uuid("workplan_id").references(() => workplans.id, { onDelete: "cascade" }),
  },
  (t) => [
    index("recommendation_links_recommendation_idx").on(t.recommendationId),
    check("recommendation_links_one_target", sql`(${t.activityId} is null) <> (${t.workplanId} is null)`),
  ],
);

/**
 * A report of a project for a year (and period): the text people write in it,
 * its status, and, from its submission on, the figures it was written on
 * (`snapshot`), so that a later edit of the plan does not change a signed report.
 */
export const reports = pgTable(
  "reports",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    template: reportTemplate("template").notNull(),
    year: integer("year").notNull(),
    period: text("period").notNull(),
    title: text("title").notNull(),
    status: reportStatus("status").notNull().default("draft"),
    /** The fields people fill, by key. */
    narrative: jsonb("narrative").$type<Record<string, string>>().notNull().default({}),
    /** The figures as of `snapshotAt` (the template's data), kept once submitted. */
    snapshot: jsonb("snapshot").$type<object>(),
    snapshotAt: timestamp("snapshot_at", { withTimezone: true }),
    submittedById: uuid("submitted_by_id").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    approvedById: uuid("approved_by_id").references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [uniqueIndex("reports_period_key").on(t.projectId, t.template, t.year, t.period)],
);

/** A document generated from a report: the job that writes it, then the file it wrote. */
export const reportFiles = pgTable(
  "report_files",
  {
    id: id(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    format: reportFormat("format").notNull(),
    jobId: uuid("job_id").references(() => jobs.id, { onDelete: "set null" }),
    fileId: uuid("file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    /** The report's status and snapshot time when the file was written. */
    reportStatus: reportStatus("report_status").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("report_files_report_idx").on(t.reportId, t.createdAt)],
);
