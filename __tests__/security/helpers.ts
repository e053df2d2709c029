/** Shared by the hostile-input tests: workspaces, a secret outside them, and everything a run wrote. */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionRun } from '../../scripts/lib/run-action.mjs';

const made: string[] = [];

/** A temp folder removed by cleanup(). */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanup(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A file outside every workspace, as `~/.git-credentials` is on a runner, holding a marker that no
 * output of a run may contain. Its content is valid JSON, YAML and CSV, so a reader that follows a
 * link to it would accept it.
 */
export function outsideSecret(): { file: string; dir: string; marker: string } {
  const dir = tempFolder('mqg-home-');
  const marker = `SECRET${Math.random().toString(36).slice(2)}TOKEN`;
  const file = join(dir, 'credentials.json');
  writeFileSync(file, `{"${marker}": 1}\n`);
  return { file, dir, marker };
}

/** Every file under `dir`, with its content (for "nothing was uploaded or stored"). */
export function filesUnder(dir: string): { path: string; content: string }[] {
  if (!existsSync(dir)) return [];
  const out: { path: string; content: string }[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out.push({ path, content: readFileSync(path, 'utf8') });
  }
  return out;
}

/** What a run wrote for people and the runner: log, summary, outputs and the report file. */
export function everythingWritten(run: ActionRun): string {
  const report = run.outputs.report && existsSync(run.outputs.report) ? readFileSync(run.outputs.report, 'utf8') : '';
  return [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs), report].join('\n');
}
