/**
 * A model's registry state from its annotated git tags, by GTO's own rules: a port of the state
 * GTO builds in gto/registry.py `get_state` (tags indexed per action kind, oldest first: gto/tag.py
 * `find` and `index_tag`; events kept in gto/base.py's Artifact, Version and VStage) and of what
 * `gto show` reports from it (gto/api.py `_show_registry`, default `--sort timestamp`, `--vs 1`).
 *
 * GTO orders by tag time (whole seconds) and breaks ties by the order its stable sorts and list
 * reversals leave; counters only name tags. Those orders are reproduced step by step below, so a
 * same-second tie resolves as GTO resolves it. Not reproduced: versions GTO discovers from an
 * `artifacts.yaml` file at HEAD (they hold no stage, but can keep a deprecated model active).
 * Pure: tags and commit times in, state out.
 */
import { UserError } from '../errors.js';
import type { GtoTag } from './gto-tags.js';
import { compareSemVer, parseSemVer } from './semver.js';

/** One annotated GTO tag as read from git. */
export interface RegistryTag {
  name: string;
  parsed: GtoTag;
  /** The tag object. */
  object: string;
  /** What the tag points at (GTO's `tag.target`): a commit. */
  commit: string;
  /** Tagger time, unix seconds (GTO's `tag_time`). */
  time: number;
  /** The message, signature removed. */
  message: string;
  /** The message parsed as JSON (this action's tags carry a JSON document); undefined otherwise. */
  data?: unknown;
}

/** A registered version, active or deregistered. */
export interface ModelVersion {
  version: string;
  commit: string;
  /** Its newest registration tag, whose message describes it. */
  tag: string;
  createdAt: Date;
  data?: unknown;
  /** GTO shows it (its newest registration event is newer than its deregistrations). */
  active: boolean;
  deregistered: boolean;
}

/** A version in a stage. */
export interface StageHolderRef {
  /** The version; GTO names a stage holder without a registration by its commit. */
  version: string;
  /** False for a commit GTO found only through stage tags. */
  registered: boolean;
  commit: string;
  /** The newest assignment tag of this version to the stage. */
  tag: string;
  assignedAt: Date;
}

export interface StageState {
  /** Active versions in the stage, most recently assigned first (`gto show --vs -1`). */
  holders: StageHolderRef[];
  /** What `gto show` shows: the first holder; undefined when none, or the model is deprecated. */
  current?: StageHolderRef;
}

export interface ModelState {
  model: string;
  /** False once deprecated (until a newer event): `gto show` lists no stage of it. */
  active: boolean;
  /** Registered versions, lowest first (prereleases and unparseable ones by semver rules). */
  versions: ModelVersion[];
  /** Stages in which some version is active, by name; a Map, so any name is a plain key. */
  stages: Map<string, StageState>;
  /** Newest tag time of the model (unix seconds), 0 when none. */
  newestTagTime: number;
}

type Kind = 'deprecation' | 'registration' | 'deregistration' | 'assignment' | 'unassignment' | 'commit';
interface Event {
  kind: Kind;
  time: number;
  tag?: RegistryTag;
}

const ADDITION: Record<Kind, boolean> = {
  deprecation: false,
  registration: true,
  deregistration: false,
  assignment: true,
  unassignment: false,
  commit: true,
};

/** gto/base.py sorts with `sorted(key=created_at)` (stable) and reverses with `[::-1]`. */
function ascending<T extends { time: number }>(events: T[]): T[] {
  return [...events].sort((a, b) => a.time - b.time);
}
function descending<T extends { time: number }>(events: T[]): T[] {
  return ascending(events).reverse();
}

class VStage {
  assignments: Event[] = [];
  unassignments: Event[] = [];
  constructor(readonly stage: string) {}

  events(): Event[] {
    return descending([...this.assignments, ...this.unassignments]);
  }
  get active(): boolean {
    return this.events()[0].kind === 'assignment';
  }
  /** `authoring_event`: the newest addition (assignment), else the newest event. */
  get createdAt(): number {
    const events = this.events();
    return (events.find((e) => ADDITION[e.kind]) ?? events[0]).time;
  }
  get activatedAt(): number {
    return this.events()[0].time;
  }
}

class Version {
  registrations: Event[] = [];
  deregistrations: Event[] = [];
  enrichments: Event[] = [];
  stages = new Map<string, VStage>();
  constructor(
    readonly version: string,
    readonly commit: string,
  ) {}

  get discovered(): boolean {
    return this.registrations.length + this.deregistrations.length === 0;
  }
  direct(): Event[] {
    return descending([...this.registrations, ...this.deregistrations]);
  }
  indirect(): Event[] {
    return descending([...this.enrichments, ...[...this.stages.values()].flatMap((s) => s.events())]);
  }
  events(): Event[] {
    return descending([
      ...this.registrations,
      ...this.deregistrations,
      ...this.enrichments,
      ...[...this.stages.values()].flatMap((s) => s.events()),
    ]);
  }
  get active(): boolean {
    const direct = this.direct();
    if (direct.length) return direct[0].kind === 'registration';
    return this.indirect().length > 0;
  }
  get createdAt(): number {
    const addition = this.direct().find((e) => ADDITION[e.kind]);
    return (addition ?? this.indirect()[0] ?? { time: 0 }).time;
  }
  /** Active stages, oldest activation first (`get_vstages(ascending=True)`). */
  activeStages(): VStage[] {
    return [...this.stages.values()].filter((s) => s.active).sort((a, b) => a.activatedAt - b.activatedAt);
  }
}

class Artifact {
  versions: Version[] = [];
  deprecations: Event[] = [];
  constructor(readonly name: string) {}

  /** gto/base.py `Artifact.find_version`: registered-or-deregistered versions only, unless created. */
  findVersion(name: string | undefined, commit: string, tag: RegistryTag): Version {
    const found = this.versions.filter(
      (v) => (name ? v.version === name : true) && v.commit === commit && !v.discovered,
    );
    if (found.length > 1) {
      throw new UserError(
        `GTO cannot read the registry of '${this.name}': tag ${tag.name} points at commit ${commit.slice(0, 12)}, ` +
          `which carries several versions (${found.map((v) => v.version).join(', ')}); delete the extra version tags`,
      );
    }
    if (found.length) return found[0];
    const v = new Version(name || commit, commit);
    this.versions.push(v);
    return v;
  }

  get active(): boolean {
    const events = descending([...this.deprecations, ...this.versions.flatMap((v) => v.events())]);
    return events.length > 0 && events[0].kind !== 'deprecation';
  }
}

/** Python's `sorted()` on str: by code point (JavaScript's default sort compares UTF-16 units). */
function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}

const MANAGERS: GtoTag['action'][][] = [
  ['create', 'deprecate'], // TagArtifactManager
  ['register', 'deregister'], // TagVersionManager
  ['assign', 'unassign'], // TagStageManager
];

/**
 * Folds one model's annotated tags into its state, as GTO does. `commitTimes` gives the committer
 * time of each tagged commit (GTO adds one event per version at its commit's time).
 */
export function modelState(model: string, tags: RegistryTag[], commitTimes: Map<string, number>): ModelState {
  const own = tags.filter((t) => t.parsed.artifact === model);
  const created = own.find((t) => t.parsed.action === 'create');
  if (created) {
    throw new UserError(
      `GTO cannot read the registry of '${model}': it fails on tag ${created.name} ` +
        "(an '@created' tag has no action in gto/tag.py); delete it",
    );
  }
  const artifact = new Artifact(model);
  // gto/tag.py `find`: tag names sorted (scmrepo's list_tags), then a stable sort by tag time.
  const ordered = [...own].sort((a, b) => byCodePoint(a.name, b.name)).sort((a, b) => a.time - b.time);
  for (const actions of MANAGERS) {
    for (const tag of ordered.filter((t) => actions.includes(t.parsed.action))) index(artifact, tag);
  }
  // gto/index.py EnrichmentManager: one event per version at its commit's time.
  for (const v of artifact.versions) {
    v.enrichments.push({ kind: 'commit', time: commitTimes.get(v.commit) ?? 0 });
  }
  return summarize(artifact, own);
}

/** gto/tag.py `index_tag`. */
function index(artifact: Artifact, tag: RegistryTag): void {
  const p = tag.parsed;
  const event = (kind: Kind): Event => ({ kind, time: tag.time, tag });
  const add = (list: Event[], e: Event) => {
    list.push(e);
    list.splice(0, list.length, ...ascending(list));
  };
  switch (p.action) {
    case 'deprecate':
      add(artifact.deprecations, event('deprecation'));
      return;
    case 'register':
    case 'deregister': {
      const v = artifact.findVersion(p.version, tag.commit, tag);
      if (p.action === 'register') add(v.registrations, event('registration'));
      else add(v.deregistrations, event('deregistration'));
      return;
    }
    case 'assign':
    case 'unassign': {
      // The version at the commit (created when none), then the event is added to the version of
      // that name at that commit: for a commit without a version this creates a second one.
      const name = artifact.findVersion(undefined, tag.commit, tag).version;
      const v = artifact.findVersion(name, tag.commit, tag);
      let stage = v.stages.get(p.stage);
      if (!stage) v.stages.set(p.stage, (stage = new VStage(p.stage)));
      if (p.action === 'assign') add(stage.assignments, event('assignment'));
      else add(stage.unassignments, event('unassignment'));
      return;
    }
  }
}

function summarize(artifact: Artifact, own: RegistryTag[]): ModelState {
  const active = artifact.active;
  // gto/base.py get_versions(active_only, include_non_explicit): every active version, sorted by
  // created_at and reversed (sort_versions, VersionSort.Timestamp).
  const shown = ascending(artifact.versions.filter((v) => v.active).map((v) => ({ v, time: v.createdAt }))).reverse();
  // get_vstages(sort=Timestamp): each version's active stages, then by created_at, reversed.
  const vstages = ascending(
    shown.flatMap(({ v }) => v.activeStages().map((s) => ({ v, s, time: s.createdAt }))),
  ).reverse();
  const stages = new Map<string, StageState>();
  for (const { v, s } of vstages) {
    let state = stages.get(s.stage);
    if (!state) stages.set(s.stage, (state = { holders: [] }));
    if (state.holders.some((h) => h.version === v.version)) continue;
    const newest = s.events().find((e) => e.kind === 'assignment')!;
    state.holders.push({
      version: v.version,
      registered: v.registrations.length > 0,
      commit: v.commit,
      tag: newest.tag!.name,
      assignedAt: new Date(newest.time * 1000),
    });
  }
  for (const state of stages.values()) state.current = active ? state.holders[0] : undefined;

  const versions: ModelVersion[] = artifact.versions
    .filter((v) => v.registrations.length > 0)
    .map((v) => {
      const newest = descending(v.registrations)[0];
      return {
        version: v.version,
        commit: v.commit,
        tag: newest.tag!.name,
        createdAt: new Date(newest.time * 1000),
        data: newest.tag!.data,
        active: v.active,
        deregistered: !v.active,
      };
    })
    .sort(bySemVer);
  return {
    model: artifact.name,
    active,
    versions,
    stages,
    newestTagTime: Math.max(0, ...own.map((t) => t.time)),
  };
}

function bySemVer(a: ModelVersion, b: ModelVersion): number {
  const x = parseSemVer(a.version);
  const y = parseSemVer(b.version);
  if (x && y) return compareSemVer(x, y) || byCodePoint(a.commit, b.commit);
  if (x || y) return x ? 1 : -1;
  return byCodePoint(a.version, b.version);
}
