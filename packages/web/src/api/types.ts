// Response types inferred from the zod schemas the server validates with.
import type { api } from "@baara/core";
import type * as z from "zod";

export type SessionResponse = z.infer<typeof api.sessionResponse>;
export type User = SessionResponse["user"];
export type Project = api.Project;
export type PortfolioItem = z.infer<typeof api.portfolioItem>;
export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };
export type ResultNode = api.ResultNode;
export type Workplan = api.Workplan;
export type WorkplanStep = z.infer<typeof api.workplanStep>;
export type Activity = api.Activity;
export type BudgetLine = api.BudgetLine;
export type WorkplanSummary = api.WorkplanSummary;
export type WorkplanContent = api.WorkplanContent;
export type Finding = WorkplanSummary["findings"][number];
export type Comparison = z.infer<typeof api.workplanComparison>;
export type ProjectAccess = z.infer<typeof api.projectAccess>;
export type PlanStatus = Workplan["status"];
