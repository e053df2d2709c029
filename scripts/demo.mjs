// `npm run demo [-- <name>]`: runs the committed action (dist/index.js, as the runner does) on the
// files in examples/, one demo per file in scripts/demo/ (in name order), and prints the job summary
// each run writes, with its exit code. After changing src/, `npm run package` rebuilds dist/ first.
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const demos = readdirSync(new URL('./demo/', import.meta.url))
  .filter((f) => /^\d+-.*\.mjs$/.test(f))
  .sort()
  .filter((f) => !only || f.includes(only));
console.log('Running the committed dist/ (after editing src/, run `npm run package` first).\n');
for (const file of demos) await (await import(`./demo/${file}`)).default();
