import { Command } from "commander";
import type { CheckDocumentOptions } from "./check-document.ts";
import type { ReportOptions } from "./report.ts";
import type { ImportPlanOptions } from "./plans.ts";
import { runCommand } from "./run.ts";

// Each command loads what it needs when it runs: `baara --help` loads nothing else.

const program = new Command()
  .name("baara")
  .description("Baara: plans de travail, budgets et suivi-évaluation des projets de développement");

program
  .command("serve")
  .description("Start the web server (PORT, BAARA_DATA_DIR, DATABASE_URL, BAARA_DEMO)")
  .action(() => runCommand(async () => (await import("./serve.ts")).serve()));

program
  .command("migrate")
  .description("Apply the database migrations")
  .action(() =>
    runCommand(async () => {
      const { withDatabase } = await import("./database.ts");
      await withDatabase(async (database) => {
        await database.migrate();
        console.log(`Migrations applied (${database.kind}).`);
      });
    }),
  );

program
  .command("demo:load")
  .description("Load the demo organisations, users and projects into an empty database")
  .action(() =>
    runCommand(async () => {
      const { withDatabase } = await import("./database.ts");
      const { isDatabaseEmpty, loadDemo } = await import("../demo/load.ts");
      await withDatabase(async (database) => {
        await database.migrate();
        if (!(await isDatabaseEmpty(database.db))) {
          throw new Error("The database already holds data: the demo loads into an empty database only.");
        }
        const loaded = await loadDemo(database.db);
        console.log(`Demo loaded: ${loaded.projects} projects, ${loaded.users} users.`);
      });
    }),
  );

program
  .command("backup")
  .description("Write the database and the stored files to one file (PGlite: stop the server first)")
  .requiredOption("--out <file>", "file to write (.tar.gz); it must not exist")
  .action((options: { out: string }) =>
    runCommand(async () => {
      const { writeBackup } = await import("../backup/backup.ts");
      const manifest = await writeBackup(options.out);
      const files = manifest.files === null ? "files: in the bucket, not included" : `${manifest.files} stored files`;
      console.log(`Backup written to ${options.out} (${manifest.database}, ${manifest.migrations.length} migrations, ${files}).`);
    }),
  );

program
  .command("restore")
  .description("Restore a backup into an empty database of the same kind, then apply newer migrations")
  .argument("<file>", "a file written by baara backup")
  .action((file: string) =>
    runCommand(async () => {
      const { restoreBackup } = await import("../backup/restore.ts");
      const manifest = await restoreBackup(file);
      const files = manifest.files === null ? "no stored files in it" : `${manifest.files} stored files`;
      console.log(`Restored ${file} (${manifest.database}, backed up ${manifest.createdAt}, ${files}).`);
    }),
  );

program
  .command("user:create")
  .description("Create a user; the password is read from standard input")
  .requiredOption("--email <email>", "e-mail address (the login)")
  .requiredOption("--name <name>", "full name")
  .option("--role <role>", "admin, manager, editor, approver or viewer")
  .option("--org <code>", "organisation code the role applies to; admin without --org is a platform admin")
  .option("--locale <locale>", "fr or en", "fr")
  .action((options: { email: string; name: string; role?: string; org?: string; locale: string }) =>
    runCommand(async () => (await import("./user-create.ts")).createUserCommand(options)),
  );

program
  .command("import-plan")
  .description("Read a work plan (xlsx, csv, tsv) and print its validation report; with --project and --year, save it as a new plan version")
  .argument("<file>", "the work plan file")
  .option("--sheet <name>", "sheet to read (default: the first one holding a work plan)")
  .option("--dry-run", "report only, write nothing")
  .option("--json", "print the report as JSON")
  .option("--project <code>", "project to import into")
  .option("--year <yyyy>", "year of the plan")
  .option("--currency <code>", "currency of the amounts without --project: XOF, XAF, GNF, USD or EUR (default: named by the headers, else XOF)")
  .option("--lang <fr|en>", "language of the messages", "fr")
  .action((file: string, options: ImportPlanOptions) => runCommand(async () => (await import("./plans.ts")).importPlanCommand(file, options)));

program
  .command("export-plan")
  .description("Write a project's work plan as xlsx (PTBA layout), awp (UNDP layout) or csv")
  .requiredOption("--project <code>", "project code")
  .requiredOption("--year <yyyy>", "year of the plan")
  .option("--version <n>", "plan version (default: the latest)")
  .option("--format <format>", "xlsx, awp or csv", "xlsx")
  .requiredOption("--out <file>", "file to write")
  .action((options: { project: string; year: string; version?: string; format: string; out: string }) =>
    runCommand(async () => (await import("./plans.ts")).exportPlanCommand(options)),
  );

program
  .command("report")
  .description(
    "Write a report from the database: cps-annual (annual report and action plan), pbf-progress (PBF progress report), undp-awp (UNDP annual work plan) or minutes (a committee session); a report kept in Baara gives its text and, once submitted, its figures",
  )
  .requiredOption("--template <name>", "cps-annual, pbf-progress, undp-awp or minutes")
  .requiredOption("--project <code>", "project code")
  .requiredOption("--year <yyyy>", "year reported on")
  .option("--period <period>", "pbf-progress: semiannual, annual (default) or final; minutes: the session's date (YYYY-MM-DD, default the year's latest)")
  .option("--format <format>", "docx, pdf or xlsx", "docx")
  .requiredOption("--out <file>", "file to write")
  .option("--lang <fr|en>", "language of the document", "fr")
  .action((options: ReportOptions) => runCommand(async () => (await import("./report.ts")).reportCommand(options)));

program
  .command("check-document")
  .description(
    "List the sentences of a report (text or .docx) whose words and figures disagree, whose rates or totals are wrong; exit code 1 when one is an error",
  )
  .argument("<file>", "the report: a text file or a Word document (.docx)")
  .option("--json", "print the findings as JSON")
  .option("--lang <fr|en>", "language of the messages", "fr")
  .action((file: string, options: CheckDocumentOptions) =>
    runCommand(async () => (await import("./check-document.ts")).checkDocumentCommand(file, options)),
  );

await program.parseAsync();
