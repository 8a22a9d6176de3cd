// `node pglite-init.js DIR`: creates an empty embedded database in DIR, then
// exits (db/client.ts runs it in a process of its own). Plain JavaScript, so
// that it runs the same from the sources and from the build.
import { PGlite } from "@electric-sql/pglite";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: pglite-init.js DIR");
  process.exit(2);
}
const client = await PGlite.create(dir);
await client.close();
