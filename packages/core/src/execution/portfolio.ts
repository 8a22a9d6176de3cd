// Execution sums of many plans: an organisation's projects, the portfolio.
// Activity counts add across every plan; amounts add only within one currency;
// and a credit counts in a roll-up only when every plan of its currency
// recorded one, lest committed ÷ credit divide all the plans' commitments by
// some of the plans' credits.
import type { CurrencyCode } from "../money.ts";
import { addSums, emptySums } from "./sums.ts";
import type { CreditSums, ExecutionSums, PhysicalSums } from "./types.ts";

type CreditKey = keyof CreditSums;
const CREDIT_KEYS: readonly CreditKey[] = ["allocated", "notified", "paymentCredit", "disbursed"];

export interface CurrencyRollUp {
  currency: CurrencyCode;
  plans: number;
  sums: ExecutionSums;
  /** How many of these plans recorded each credit. */
  withCredit: Record<CreditKey, number>;
}

export interface ExecutionRollUp {
  plans: number;
  physical: PhysicalSums;
  /** One entry per currency, in code order. */
  currencies: CurrencyRollUp[];
}

const physicalOnly = (physical: PhysicalSums): ExecutionSums => ({ ...emptySums(), physical });

export function emptyRollUp(): ExecutionRollUp {
  return { plans: 0, physical: emptySums().physical, currencies: [] };
}

/** One plan's sums, ready to add. */
export function planRollUp(currency: CurrencyCode, sums: ExecutionSums): ExecutionRollUp {
  const withCredit = { allocated: 0, notified: 0, paymentCredit: 0, disbursed: 0 };
  for (const key of CREDIT_KEYS) withCredit[key] = sums.credits[key] === null ? 0 : 1;
  return { plans: 1, physical: sums.physical, currencies: [{ currency, plans: 1, sums, withCredit }] };
}

export function addRollUps(a: ExecutionRollUp, b: ExecutionRollUp): ExecutionRollUp {
  const byCurrency = new Map(a.currencies.map((c) => [c.currency, c]));
  for (const c of b.currencies) {
    const other = byCurrency.get(c.currency);
    if (!other) {
      byCurrency.set(c.currency, c);
      continue;
    }
    const withCredit = { ...other.withCredit };
    for (const key of CREDIT_KEYS) withCredit[key] += c.withCredit[key];
    const sums = addSums(other.sums, c.sums);
    byCurrency.set(c.currency, { currency: c.currency, plans: other.plans + c.plans, sums, withCredit });
  }
  return {
    plans: a.plans + b.plans,
    physical: addSums(physicalOnly(a.physical), physicalOnly(b.physical)).physical,
    currencies: [...byCurrency.values()].sort((x, y) => x.currency.localeCompare(y.currency)),
  };
}

export interface RolledUpSums {
  plans: number;
  /**
   * Activity counts of every plan (the amounts are zero). Budget weights of
   * different currencies do not add: with several currencies the weights are
   * zero, so the budget-weighted rate has no value.
   */
  physical: ExecutionSums;
  /** Per currency, with only the credits every plan of it recorded. */
  byCurrency: { currency: CurrencyCode; plans: number; sums: ExecutionSums }[];
}

export function rolledUpSums(rollUp: ExecutionRollUp): RolledUpSums {
  const physical = physicalOnly({ ...rollUp.physical });
  if (rollUp.currencies.length > 1) physical.physical = { ...physical.physical, weighted: 0n, weightBase: 0n };
  return {
    plans: rollUp.plans,
    physical,
    byCurrency: rollUp.currencies.map(({ currency, plans, sums, withCredit }) => {
      const credits = { ...sums.credits };
      for (const key of CREDIT_KEYS) if (withCredit[key] < plans) credits[key] = null;
      return { currency, plans, sums: { ...sums, credits } };
    }),
  };
}

export interface TreeNode {
  id: string;
  parentId: string | null;
}

export interface TreeRollUp<N extends TreeNode> {
  node: N;
  /** 0 for a node whose parent is not in the list. */
  level: number;
  /** Its own plans and those of every node below it. */
  rollUp: ExecutionRollUp;
}

/**
 * Each node of a tree (organisations) with the roll-up of its own plans and
 * its descendants', depth first, siblings in the order given.
 */
export function rollUpTree<N extends TreeNode>(nodes: readonly N[], own: ReadonlyMap<string, ExecutionRollUp>): TreeRollUp<N>[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string | null, N[]>();
  for (const node of nodes) {
    const parent = node.parentId !== null && ids.has(node.parentId) ? node.parentId : null;
    const list = children.get(parent);
    if (list) list.push(node);
    else children.set(parent, [node]);
  }
  const result: TreeRollUp<N>[] = [];
  const visited = new Set<string>();
  const walk = (node: N, level: number): ExecutionRollUp => {
    visited.add(node.id);
    const entry: TreeRollUp<N> = { node, level, rollUp: emptyRollUp() };
    result.push(entry);
    let rollUp = own.get(node.id) ?? emptyRollUp();
    for (const child of children.get(node.id) ?? []) {
      if (!visited.has(child.id)) rollUp = addRollUps(rollUp, walk(child, level + 1));
    }
    entry.rollUp = rollUp;
    return rollUp;
  };
  for (const root of children.get(null) ?? []) walk(root, 0);
  return result;
}
