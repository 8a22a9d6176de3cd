// A participant list pasted from a table (Word or Excel): one person per line,
// cells separated by tabs, in the order of the minutes' annex — N°, name,
// function, structure, phone, e-mail. A header line and the number column are
// recognised and skipped; what a cell holds is kept as typed.
export interface PastedParticipant {
  name: string;
  function: string | null;
  structure: string | null;
  phone: string | null;
  email: string | null;
}

const HEADER = /^(n°|no|nom|noms|name)/i;
const NUMBER = /^\d{1,3}\.?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const cell = (value: string | undefined) => {
  const text = (value ?? "").trim();
  return text === "" ? null : text;
};

export function parseParticipantTable(text: string): PastedParticipant[] {
  const people: PastedParticipant[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    let cells = line.split("\t").map((c) => c.trim());
    if (cells[0] !== undefined && NUMBER.test(cells[0])) cells = cells.slice(1);
    else if (cells[0] === "") cells = cells.slice(1);
    const [name, fn, structure, phone, email] = cells;
    if (!name || HEADER.test(name)) continue;
    // An e-mail typed in the contacts column goes where it belongs.
    const phoneIsEmail = phone !== undefined && EMAIL.test(phone) && !email;
    people.push({
      name,
      function: cell(fn),
      structure: cell(structure),
      phone: phoneIsEmail ? null : cell(phone),
      email: phoneIsEmail ? cell(phone) : cell(email),
    });
  }
  return people;
}
