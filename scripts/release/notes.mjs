#!/usr/bin/env node
// Usage: node scripts/release/notes.mjs <tag>  → the release notes of that version, from CHANGELOG.md.
import { readFileSync } from 'node:fs';
import { releaseNotes } from './lib.mjs';

const tag = process.argv[2] ?? '';
try {
  process.stdout.write(`${releaseNotes(readFileSync('CHANGELOG.md', 'utf8'), tag.replace(/^v/, ''))}\n`);
} catch (e) {
  console.error(`::error::${e.message}`);
  process.exitCode = 1;
}
