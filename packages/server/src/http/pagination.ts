import type { api } from "@baara/core";

type PageQuery = api.PageQuery;

export function pageBounds(query: PageQuery): { limit: number; offset: number } {
  return { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}

export function pageOf<T>(items: T[], query: PageQuery, total: number) {
  return { items, page: query.page, pageSize: query.pageSize, total };
}
