#!/usr/bin/env node
// The ml-quality-gate CLI (package.json bin): the action's bundle, with the CLI chosen (src/index.ts).
globalThis[Symbol.for('ml-quality-gate.cli')] = true;
await import('../index.js');
