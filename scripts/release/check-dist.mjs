#!/usr/bin/env node
// Usage: npm run package && node scripts/release/check-dist.mjs
// Fails when dist/ differs from the commit: the bundle users run must be exactly what the sources
// build. Used by .ci/run, check-dist.yml and release.yml.
import { staleFiles } from './lib.mjs';

const stale = staleFiles(process.cwd());
if (stale.length > 0) {
  console.error("::error::dist/ is stale: run 'npm run package' and commit dist/.");
  for (const f of stale.slice(0, 50)) console.error(`  ${f}`);
  if (stale.length > 50) console.error(`  … and ${stale.length - 50} more`);
  process.exitCode = 1;
} else {
  console.log('dist/ is up to date.');
}
