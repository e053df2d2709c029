// `npm run bench [-- <name>]`: whole-process benchmarks, one file each in scripts/bench/<name>.mjs.
// Figures are printed, never asserted.
import { existsSync, readdirSync } from 'node:fs';

const available = readdirSync(new URL('./bench/', import.meta.url))
  .filter((f) => f.endsWith('.mjs') && !['lib.mjs', 'rss-probe.mjs'].includes(f))
  .map((f) => f.replace(/\.mjs$/, ''));
const name = process.argv[2] ?? 'startup';
if (!available.includes(name) || !existsSync(new URL(`./bench/${name}.mjs`, import.meta.url))) {
  console.error(`unknown benchmark '${name}'; available: ${available.join(', ')}`);
  process.exit(2);
}
await (await import(`./bench/${name}.mjs`)).default();
