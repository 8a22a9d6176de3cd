// A text a spreadsheet would run as a formula when it opens a csv file
// (OWASP "CSV injection"): =, +, -, @ (and their full-width forms), tab or
// carriage return first. Written with a leading apostrophe; a plain number,
// negative or signed, is left alone since a spreadsheet only reads it as a number.

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const PLAIN_NUMBER = /^[+-]?(\d+|\d{1,3}( \d{3})+)([.,]\d+)?$/;

function startsAsFormula(text: string): boolean {
  const unquoted = text.replace(/^'+/, "");
  return FORMULA_START.test(unquoted) && !PLAIN_NUMBER.test(unquoted);
}

/** The text as a csv cell may safely hold it. A text already written `'=…` gets one more, so that reading gives it back. */
export function neutraliseFormula(text: string): string {
  return startsAsFormula(text) ? `'${text}` : text;
}

/** The text neutraliseFormula was given, from a cell it wrote. */
export function readNeutralisedFormula(cell: string): string {
  return cell.startsWith("'") && startsAsFormula(cell) ? cell.slice(1) : cell;
}
