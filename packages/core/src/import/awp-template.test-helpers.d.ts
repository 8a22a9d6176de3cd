import type { Grid } from "./grid.ts";
export declare const ACTIVITIES_PER_OUTPUT: number[];
export interface OfficialAwp {
  grid: Grid;
  lines: number;
  missingRow: number;
  mismatch: {
    row: number;
    declared: string;
    computed: string;
  };
  totalCents: number;
}
/** Amounts in USD with cents; the 18th line has none, output 3's Sub Total is 0,24 above its lines. */
export declare function officialAwp(options?: {
  grandTotalDelta?: number;
}): OfficialAwp;
