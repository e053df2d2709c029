// `npm run demo [-- <name>]`: runs the built action on the files in examples/, one demo per file in
// scripts/demo/ (in name order), and prints the job summary each run writes, with its exit code.
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const demos = readdirSync(new URL('./demo/', import.meta.url))
  .filter((f) => /^\d+-.*\.mjs$/.test(f))
  .sort()
  .filter((f) => !only || f.includes(only));
for (const file of demos) await (await import(`./demo/${file}`)).default();
