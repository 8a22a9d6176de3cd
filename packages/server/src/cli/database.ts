import { type Database, databaseOptionsFromEnv, openDatabase } from "../db/client.ts";

export async function withDatabase<T>(action: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseOptionsFromEnv());
  try {
    return await action(database);
  } finally {
    await database.close();
  }
}
