/** Shared by the example tests: the repository's workflow files and action.yml, parsed. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}

export interface ActionMetadata {
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

export const ACTION_TEXT = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
export const ACTION = parse(ACTION_TEXT) as ActionMetadata;

/** Every workflow file of examples/workflows and .github/workflows, relative to the root. */
export function workflowFiles(): string[] {
  const out: string[] = [];
  for (const dir of ['examples/workflows', '.github/workflows']) {
    if (!existsSync(path.join(ROOT, dir))) continue;
    for (const f of readdirSync(path.join(ROOT, dir)).sort()) {
      if (/\.ya?ml$/.test(f)) out.push(`${dir}/${f}`);
    }
  }
  return out;
}

export interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  if?: string;
}

export interface Job {
  'runs-on'?: string | string[];
  strategy?: { matrix?: Record<string, unknown> };
  permissions?: Record<string, string> | string;
  steps?: Step[];
}

export interface Workflow {
  on: unknown;
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

export function readWorkflow(file: string): Workflow {
  return parse(readFileSync(path.join(ROOT, file), 'utf8')) as Workflow;
}

/**
 * Steps that run this action: a local path in this repository (`./`, or `./mqg` where e2e.yml checks
 * it out to a subfolder), `<owner>/ml-quality-gate@<ref>` in the examples.
 */
export function isThisAction(uses: string | undefined): boolean {
  return /^\.\/([\w-]+\/?)?$/.test(uses ?? '') || /^[\w.-]+\/ml-quality-gate@[\w.-]+$/.test(uses ?? '');
}

/** The stage an input belongs to, from its description ("`drift`: …"); undefined for common inputs. */
export function inputStage(description: string): string | undefined {
  return /^`(validate|gate|drift|promote)`:/.exec(description)?.[1];
}
