#!/usr/bin/env node
// Usage: node scripts/release/check-version.mjs <tag>
// Fails unless <tag> is vX.Y.Z, equals package.json's version and CHANGELOG.md has notes for it.
import { readFileSync } from 'node:fs';
import { checkVersion, releaseNotes } from './lib.mjs';

const tag = process.argv[2] ?? '';
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const problems = checkVersion(tag, version);
if (problems.length === 0) {
  try {
    releaseNotes(readFileSync('CHANGELOG.md', 'utf8'), version);
  } catch (e) {
    problems.push(e.message);
  }
}
for (const p of problems) console.error(`::error::${p}`);
if (problems.length === 0) console.log(`${tag} matches package.json and has release notes.`);
process.exitCode = problems.length === 0 ? 0 : 1;
