/**
 * Reads a model's registry state from git tags only, the way GTO does (gto/tag.py `index_tag`):
 * versions from `@v…` tags, stage history from `#stage#N` tags mapped to versions by commit.
 * Lightweight tags are ignored, as in GTO.
 */
import { git } from './git.js';
import { parseTag, type GtoTag } from './gto-tags.js';
import { compareSemVer, parseSemVer } from './semver.js';

/** One annotated GTO tag as read from git. */
export interface RegistryTag {
  name: string;
  parsed: GtoTag;
  /** The tagged commit. */
  commit: string;
  /** The tag object itself. */
  object: string;
  createdAt: Date;
  /** Raw tag message. */
  message: string;
  /** The message parsed as JSON (our tags carry a JSON document); undefined when it is not JSON. */
  data?: unknown;
}

export interface ModelVersion {
  version: string;
  tag: string;
  commit: string;
  createdAt: Date;
  data?: unknown;
  /** A later `@v…!#N` tag deregistered it. */
  deregistered: boolean;
}

export interface StageEvent {
  action: 'assign' | 'unassign';
  stage: string;
  counter?: number;
  tag: string;
  commit: string;
  /** The version registered at `commit`, if any. */
  version?: string;
  createdAt: Date;
  data?: unknown;
}

export interface StageState {
  /** Assignments and unassignments, by counter. */
  history: StageEvent[];
  /** The event that put the current holder in place; undefined when nobody holds the stage. */
  current?: StageEvent;
}

export interface ModelState {
  model: string;
  /** Lowest version first. */
  versions: ModelVersion[];
  stages: Record<string, StageState>;
  /** Highest counter among all this model's tags (0 when none): the next tag gets this + 1. */
  maxCounter: number;
}

// NUL separates fields (git messages cannot hold NUL); git ends each record with a newline.
const FORMAT = [
  '%(refname:strip=2)',
  '%(objecttype)',
  '%(objectname)',
  '%(*objectname)',
  '%(creatordate:unix)',
  '%(contents)',
]
  .map((f) => `${f}%00`)
  .join('');
const FIELDS = 6;

/** Every annotated GTO tag in the repository. */
export async function readRegistryTags(repoDir: string): Promise<RegistryTag[]> {
  const { stdout } = await git(repoDir, ['for-each-ref', 'refs/tags', `--format=${FORMAT}`]);
  const parts = stdout.split('\0');
  const tags: RegistryTag[] = [];
  for (let i = 0; i + FIELDS <= parts.length; i += FIELDS) {
    const [rawName, type, object, peeled, date, message] = parts.slice(i, i + FIELDS);
    const name = rawName.replace(/^\n/, '');
    const parsed = parseTag(name);
    if (!parsed || type !== 'tag') continue;
    tags.push({
      name,
      parsed,
      commit: peeled,
      object,
      createdAt: new Date(Number(date) * 1000),
      message,
      data: parseJson(message),
    });
  }
  return tags;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Folds tags into one model's state (pure). */
export function modelState(model: string, tags: RegistryTag[]): ModelState {
  const own = tags.filter((t) => t.parsed.artifact === model);
  const versions = new Map<string, ModelVersion>();
  for (const t of own) {
    if (t.parsed.action === 'register') {
      versions.set(t.parsed.version, {
        version: t.parsed.version,
        tag: t.name,
        commit: t.commit,
        createdAt: t.createdAt,
        data: t.data,
        deregistered: false,
      });
    }
  }
  for (const t of own) {
    if (t.parsed.action === 'deregister') {
      const v = versions.get(t.parsed.version);
      if (v) v.deregistered = true;
    }
  }
  const byCommit = new Map<string, string>();
  for (const v of versions.values()) if (!v.deregistered) byCommit.set(v.commit, v.version);

  const stages: Record<string, StageState> = {};
  for (const t of own.filter((x) => x.parsed.action === 'assign' || x.parsed.action === 'unassign').sort(byCounter)) {
    const p = t.parsed as Extract<GtoTag, { stage: string }>;
    const state = (stages[p.stage] ??= { history: [] });
    const event: StageEvent = {
      action: p.action,
      stage: p.stage,
      counter: p.counter,
      tag: t.name,
      commit: t.commit,
      version: byCommit.get(t.commit),
      createdAt: t.createdAt,
      data: t.data,
    };
    state.history.push(event);
    if (event.action === 'assign') state.current = event;
    else if (state.current?.commit === event.commit) state.current = undefined;
  }

  return {
    model,
    versions: [...versions.values()].sort((a, b) => compareSemVer(parseSemVer(a.version)!, parseSemVer(b.version)!)),
    stages,
    maxCounter: Math.max(0, ...own.map((t) => t.parsed.counter ?? 0)),
  };
}

// Tags without a counter (GTO's "simple" mode) come first, by date; then by counter.
function byCounter(a: RegistryTag, b: RegistryTag): number {
  return (a.parsed.counter ?? 0) - (b.parsed.counter ?? 0) || a.createdAt.getTime() - b.createdAt.getTime();
}

/** The model's versions, stage history and current stage holders, from the local tags. */
export async function listModelState(repoDir: string, model: string): Promise<ModelState> {
  return modelState(model, await readRegistryTags(repoDir));
}
