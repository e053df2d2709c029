#!/usr/bin/env node
// Usage: node scripts/release/major-tag.mjs v1.4.2  → v1 (the tag a release moves).
import { majorTag } from './lib.mjs';

try {
  console.log(majorTag(process.argv[2] ?? ''));
} catch (e) {
  console.error(`::error::${e.message}`);
  process.exitCode = 1;
}
