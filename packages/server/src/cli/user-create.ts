import { isRole, type Locale, type Role } from "@baara/core";
import { eq, sql } from "drizzle-orm";
import { hashPassword } from "../auth/passwords.ts";
import { memberships, organisations, users } from "../db/schema.ts";
import { withDatabase } from "./database.ts";

export async function createUserCommand(options: {
  email: string;
  name: string;
  role?: string;
  org?: string;
  locale: string;
}): Promise<void> {
  if (options.role && !isRole(options.role))
    throw new Error(`--role must be admin, manager, editor, approver or viewer`);
  if (options.role && options.role !== "admin" && !options.org)
    throw new Error(`--role ${options.role} needs --org CODE`);
  if (options.locale !== "fr" && options.locale !== "en") throw new Error("--locale must be fr or en");
  const locale: Locale = options.locale;
  const role: Role | undefined = options.role && isRole(options.role) ? options.role : undefined;
  const password = await readStdin();
  if (password.length < 10) throw new Error("the password (standard input) must have at least 10 characters");
  const passwordHash = await hashPassword(password);
  await withDatabase(async (database) => {
    await database.migrate();
    await database.db.transaction(async (tx) => {
      const email = options.email.trim().toLowerCase();
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email));
      if (existing) throw new Error(`a user with e-mail ${email} already exists`);
      let organisationId: string | null = null;
      if (options.org) {
        const [org] = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(eq(organisations.code, options.org));
        if (!org) throw new Error(`no organisation with code ${options.org}`);
        organisationId = org.id;
      }
      const [user] = await tx
        .insert(users)
        .values({
          email,
          name: options.name,
          passwordHash,
          locale,
          isPlatformAdmin: role === "admin" && !options.org,
        })
        .returning();
      if (!user) throw new Error("user not created");
      if (role && organisationId) {
        await tx.insert(memberships).values({ userId: user.id, organisationId, role });
      }
      console.log(
        `User ${email} created${options.role ? ` (${options.role}${options.org ? ` of ${options.org}` : ", platform"})` : ""}.`,
      );
    });
  });
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Password: ");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}
