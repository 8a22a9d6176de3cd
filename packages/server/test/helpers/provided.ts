// What the test run's global set-up (vitest.global-setup.ts) hands to every test file.
declare module "vitest" {
  export interface ProvidedContext {
    /** File holding the dump of a migrated PGlite data directory. */
    pgliteTemplate: string;
    /** Name of the migrated PostgreSQL template database, when TEST_DATABASE_URL is set. */
    postgresTemplate: string | null;
  }
}
export {};
