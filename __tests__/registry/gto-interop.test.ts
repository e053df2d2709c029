/**
 * GTO interop: the tags of each scenario in fixtures/gto/gto-states.json were created by GTO's own
 * code (or by plain git, for tags as this action or another tool writes them), and the expected
 * states are what GTO itself showed for them (scripts/golden/gto/gto_states.py). Here the same
 * tags are replayed with git — same names, targets, tagger seconds and messages, annotated as GTO
 * makes them — and the action's reader must show the same thing for every model and stage.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitClient } from '../../src/registry/git-client.js';
import { readRegistry, type RegistryView } from '../../src/registry/read-tags.js';
import './git-fixture.js'; // isolates git from the machine's configuration

interface GoldenTag {
  name: string;
  ref: string;
  annotated: boolean;
  t?: number;
  message?: string;
}
interface GoldenArtifact {
  active: boolean;
  holders: Record<string, string | null>;
  in_stage: Record<string, string[]>;
  versions: { version: string; ref: string | null; active: boolean; registered: boolean }[];
  next_counter: number;
}
interface Scenario {
  id: string;
  description: string;
  commits: { label: string; t: number }[];
  tags: GoldenTag[];
  artifacts: Record<string, GoldenArtifact>;
}

const golden = JSON.parse(readFileSync(new URL('../fixtures/gto/gto-states.json', import.meta.url), 'utf8')) as {
  base_time: number;
  scenarios: Scenario[];
};

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A repository holding the scenario's commits and tags, exactly as GTO left them. */
function replay(s: Scenario): { repo: string; labels: Map<string, string> } {
  const repo = mkdtempSync(join(tmpdir(), `mlqg-gto-${s.id}-`));
  roots.push(repo);
  const git = (args: string[], t = 0, input?: string) => {
    const date = `${golden.base_time + t} +0000`;
    return execFileSync('git', args, {
      cwd: repo,
      input,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'GTO user',
        GIT_AUTHOR_EMAIL: 'gto@example.com',
        GIT_COMMITTER_NAME: 'GTO user',
        GIT_COMMITTER_EMAIL: 'gto@example.com',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    }).trim();
  };
  git(['init', '--quiet', '-b', 'main']);
  const labels = new Map<string, string>();
  for (const c of s.commits) {
    git(['commit', '--quiet', '--allow-empty', '-m', c.label], c.t);
    labels.set(c.label, git(['rev-parse', 'HEAD']));
  }
  for (const t of s.tags) {
    const target = labels.get(t.ref)!;
    if (t.annotated) git(['tag', '-a', '--cleanup=verbatim', '-F', '-', t.name, target], t.t, t.message);
    else git(['tag', t.name, target]);
  }
  return { repo, labels };
}

/** GTO names a version without a registration by its commit; the golden file by the commit's label. */
function label(labels: Map<string, string>, version: string): string {
  for (const [name, sha] of labels) if (sha === version) return `commit:${name}`;
  return version;
}

function shown(view: RegistryView, labels: Map<string, string>) {
  const stages: Record<string, string[]> = {};
  for (const [stage, state] of view.stages) stages[stage] = state.holders.map((h) => label(labels, h.version));
  const current: Record<string, string> = {};
  for (const [stage, state] of view.stages) if (state.current) current[stage] = label(labels, state.current.version);
  return { active: view.active, stages, current };
}

describe.each(golden.scenarios.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
  let repo: string;
  let labels: Map<string, string>;
  beforeAll(() => ({ repo, labels } = replay(scenario)));

  test.each(Object.entries(scenario.artifacts))(`${scenario.description}: %s`, async (artifact, expected) => {
    const view = await readRegistry(new GitClient(repo), artifact);
    const ours = shown(view, labels);
    // Every active version in each stage, in GTO's order (`--vs -1`), and no other stage.
    expect(ours.stages).toEqual(expected.in_stage);
    expect(ours.active).toBe(expected.active);
    // What `gto show` lists per stage; nothing at all for a deprecated model.
    const holders = Object.fromEntries(Object.entries(expected.holders).filter(([, v]) => v !== null));
    expect(ours.current).toEqual(expected.active ? holders : {});
    // Registered versions and whether GTO counts them as active.
    const registered = expected.versions
      .filter((v) => v.registered)
      .map((v) => [v.version, v.ref, v.active])
      .sort();
    const mine = view.versions.map((v) => [v.version, label(labels, v.commit).replace('commit:', ''), v.active]).sort();
    expect(mine).toEqual(registered);
    expect(Number(view.nextCounter)).toBe(expected.next_counter);
  });
});

test('the golden file covers what the issue names', () => {
  const ids = golden.scenarios.map((s) => s.id);
  for (const id of [
    'unassign-current',
    'deregister-holder',
    'deprecate',
    'gto-names',
    'object-prototype-names',
    'counters-count-every-tag',
    'simple-stage-tag',
    'same-second-assignments',
    'same-second-unassign',
    'action-writes',
  ])
    expect(ids).toContain(id);
});
