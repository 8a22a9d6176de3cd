// POST /documents/check: a report's text or file checked in the request, nothing stored; odd bodies answered, never a 500.
import { Document, Packer, Paragraph } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { makeUser, PASSWORD } from "./helpers/factories.ts";
import { multipart } from "./helpers/multipart.ts";

const SLIPS = [
  "Un crédit de paiement de cent vingt-huit millions sept cent quatre-vingt-dix-neuf mille (128 799 000) francs CFA.",
  "Le crédit engagé est de quatre-vingt-dix-huit millions cinq cent quinze mille six cent trente un (98 515 631) francs CFA.",
  "Les crédits engagés ont été liquidés à hauteur de 54 515 711 francs CFA, soit un taux d'exécution de 76,49 %.",
].join("\n");

describe("checking a document through the API", () => {
  let ctx: TestContext;
  let session: Session;
  const check = (body: { payload: Buffer; headers: Record<string, string> }, who: Session | null = session, lang = "fr") =>
    call(ctx.app, who, {
      method: "POST",
      url: "/api/v1/documents/check",
      payload: body.payload,
      headers: { ...body.headers, "accept-language": lang },
    });

  beforeAll(async () => {
    ctx = await createTestApp("pglite");
    const user = await makeUser(ctx.database.db);
    session = await login(ctx.app, user.email, PASSWORD);
  });
  afterAll(() => ctx.close());

  it("checks pasted text: each finding with its kind, severity, line, sentence, figures and message", async () => {
    const response = await check(multipart({ text: SLIPS }));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      errors: 1,
      warnings: 1,
      findings: [
        expect.objectContaining({ kind: "words_spelling", severity: "warning", line: 2, figures: ["98 515 631"] }),
        expect.objectContaining({
          kind: "rate_mismatch",
          severity: "error",
          line: 3,
          figures: ["76,49 %", "54 515 711", "98 515 631", "128 799 000"],
          message: expect.stringContaining("donne 42,33\u00a0%") as string,
        }),
      ],
    });
    const english = await check(multipart({ text: SLIPS }), session, "en");
    expect((english.json() as { findings: { message: string }[] }).findings[1]?.message).toContain("gives 42.33%");
  });

  it("checks an uploaded Word document", async () => {
    const doc = new Document({ sections: [{ children: SLIPS.split("\n").map((line) => new Paragraph(line)) }] });
    const response = await check(multipart({}, { name: "rapport.docx", bytes: await Packer.toBuffer(doc) }));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ errors: 1, warnings: 1 });
  });

  it("refuses what it cannot read with a message naming the file, and an empty body", async () => {
    const old = await check(multipart({}, { name: "ancien.doc", bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]) }));
    expect(old.statusCode).toBe(422);
    expect(old.json()).toMatchObject({
      error: { code: "DOCUMENT_UNREADABLE", message: expect.stringContaining("« ancien.doc »") },
    });
    const zip = await check(multipart({}, { name: "abime.docx", bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }));
    expect(zip.json()).toMatchObject({ error: { code: "DOCUMENT_UNREADABLE" } });
    expect((await check(multipart({ text: "   " }))).json()).toMatchObject({ error: { code: "EMPTY_FILE" } });
    expect((await check(multipart({}))).json()).toMatchObject({ error: { code: "EMPTY_FILE" } });
    const json = await call(ctx.app, session, { method: "POST", url: "/api/v1/documents/check", payload: { text: SLIPS } });
    expect(json.statusCode).toBeLessThan(500);
    expect(json.statusCode).toBeGreaterThanOrEqual(400);
  });

  it("answers odd files and texts without a server error", async () => {
    const odd = [
      Buffer.alloc(0),
      Buffer.from([0xff, 0xfe, 0x00, 0x41]),
      Buffer.from("soit un taux de 1e308 % (((( 9".repeat(2000)),
      Buffer.from("cent ".repeat(20_000)),
      Buffer.from("\u0000\u0001binary"),
      Buffer.from("é".repeat(1000), "latin1"),
    ];
    for (const bytes of odd) {
      const response = await check(multipart({}, { name: "x.txt", bytes }));
      expect(response.statusCode, response.body).toBeLessThan(500);
    }
  });

  it("needs a signed-in user", async () => {
    expect((await check(multipart({ text: SLIPS }), null)).statusCode).toBe(401);
  });
});
