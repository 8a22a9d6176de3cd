import { describe, expect, it } from "vitest";
import { parseParticipantTable } from "./participants.ts";

describe("participant list pasted from a table", () => {
  it("reads the annex of the technical committee minutes: header and numbers skipped, blank cells empty", () => {
    const text = [
      "N°\tNOMS ET PRENOMS\tFONCTIONS\tSTRUCUTURES\tCONTACTS\tEMAILS",
      "01\tAMINATA TRAORE\tDirectrice nationale\tDNG/M\t00 00 00 00\tcontact@example.org",
      "02\tJEAN DUPONT\tChargé de stabilisation\tPNUD\t\tcontact@example.org",
      "",
    ].join("\n");
    expect(parseParticipantTable(text)).toEqual([
      {
        name: "AMINATA TRAORE",
        function: "Directrice nationale",
        structure: "DNG/M",
        phone: "00 00 00 00",
        email: "contact@example.org",
      },
      {
        name: "JEAN DUPONT",
        function: "Chargé de stabilisation",
        structure: "PNUD",
        phone: null,
        email: "contact@example.org",
      },
    ]);
  });

  it("reads an annex laid out as the technical committee's: a blank phone, a structure as typed", () => {
    // The sample's layout (its people replaced by fictitious ones): the last line has no phone.
    const annex = [
      "N°\tNOMS ET PRENOMS\tFONCTIONS\tSTRUCUTURES\tCONTACTS\tEMAILS",
      "05\tMme SOW KADIDIA\tChargée de mission\tde Ministère des Mines\t00 00 00 00\tcontact@example.org",
      "06\tPAUL MENSAH\tChargé de stabilisation\tla PNUD\t\tcontact@example.org",
    ].join("\n");
    const people = parseParticipantTable(annex);
    expect(people.map((p) => p.structure)).toEqual(["de Ministère des Mines", "la PNUD"]);
    expect(people[1]).toMatchObject({ name: "PAUL MENSAH", phone: null, email: "contact@example.org" });
  });

  it("takes lines without a number column and an e-mail typed under contacts, CRLF included", () => {
    expect(parseParticipantTable("Awa Diallo\tComptable\tUGP\tawa@example.org\r\n")).toEqual([
      { name: "Awa Diallo", function: "Comptable", structure: "UGP", phone: null, email: "awa@example.org" },
    ]);
  });
});
