// The glossary's entries, in the order the page shows them, grouped by theme.
// Each term is named by a catalogue key: the shared terms (statuses, workflow
// steps) come from core's catalogue so the glossary says exactly what the
// screens say; each definition is `help.define.<id>`. The id is also the
// page's anchor (/aide#typed), which the screens link to.
export interface GlossaryEntry {
  id: string;
  term: string;
}

export const GLOSSARY: readonly { theme: string; entries: readonly GlossaryEntry[] }[] = [
  {
    theme: "documents",
    entries: [
      { id: "ptba", term: "help.term.ptba" },
      { id: "pta", term: "help.term.pta" },
      { id: "awp", term: "help.term.awp" },
      { id: "framework", term: "project.framework" },
      { id: "version", term: "project.version" },
      { id: "budgetLine", term: "entity.budgetLine" },
      { id: "pm", term: "help.term.pm" },
      { id: "timeframe", term: "plan.chronogram" },
    ],
  },
  {
    theme: "workflow",
    entries: [
      { id: "draft", term: "planStatus.draft" },
      { id: "submit", term: "planAction.submit" },
      { id: "approve", term: "planAction.approve" },
      { id: "endorse", term: "planAction.endorse" },
      { id: "return", term: "planAction.return" },
    ],
  },
  {
    theme: "checks",
    entries: [
      { id: "finding", term: "plan.findings" },
      { id: "typed", term: "help.term.typed" },
      { id: "subtotal", term: "help.term.subtotal" },
    ],
  },
];

/** Where the screens send people for a word (/aide#typed). */
export const helpHref = (id: string) => `/aide#${id}`;
