/**
 * The promote stage: a model that passes its gate (and, with `promote-to`, is no worse than the
 * version holding that stage) is registered as a GTO version tag with its files uploaded, assigned
 * the stage, and the tags pushed; `rollback: true` gives the stage back to its previous holder.
 * Returns a result and prints nothing.
 */
import { Outputs } from '../constants.js';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { toPosix } from '../files/workspace.js';
import { writeTextFile } from '../files/write-text.js';
import { checkRules, type GateEntry } from '../gate/check.js';
import { assertAgree, noiseEvidence, predictionsMetricFile, type NoiseContext } from '../gate/noise.js';
import { flatMetrics, lookupMetric } from '../metrics/lookup.js';
import { resolveMetricPaths } from '../metrics/paths.js';
import { readMetrics } from '../metrics/read.js';
import type { MetricFile } from '../metrics/types.js';
import type { MetricComparison } from '../noise/types.js';
import type { Predictions } from '../predictions/types.js';
import { runUrl } from '../notify/after-run.js';
import { absoluteRules, compareWithChampion, type ChampionEntry } from '../promote/champion.js';
import { championPredictions } from '../promote/champion-predictions.js';
import { expandFiles, isInside, relativePosix } from '../promote/files.js';
import { historyBlocks } from '../promote/history.js';
import { readDataReports, renderModelCard } from '../promote/model-card.js';
import { publish } from '../promote/publish.js';
import { holderFromState, holderMetricFile, type StageHolder } from '../registry/baseline.js';
import { GitClient } from '../registry/git-client.js';
import {
  assertTagNamesAllowed,
  assignStage,
  autoVersion,
  registerVersion,
  rollback,
  versionAt,
  type PendingTag,
} from '../registry/git-registry.js';
import { hashFiles } from '../registry/hash-files.js';
import { readRegistry, type RegistryView } from '../registry/read-tags.js';
import type { ModelVersion } from '../registry/registry-state.js';
import { formatNumber, formatSigned } from '../report/format.js';
import type { Annotation, OutputValues, StageResult, SummaryBlock } from '../report/result.js';
import { annotationLocation } from '../report/workspace-path.js';
import { loadRules } from '../rules/parse.js';
import type { PromoteSettings } from '../settings/promote.js';
import { selectStore, type StoreSelection } from '../store/select-store.js';
import { LOCAL_DIR } from '../local-dir.js';

/** Metrics beyond this many (after the gated ones) are left out of the tag message. */
const MAX_MESSAGE_METRICS = 500;

/** What a test replaces; the action uses the defaults. */
export interface PromoteDeps {
  env?: NodeJS.ProcessEnv;
  /** Where relative paths are resolved; default process.cwd(). */
  cwd?: string;
  store?: StoreSelection;
  maxAttempts?: number;
  /** Runs before each push (a test makes another run win the race here). */
  beforePush?: (attempt: number) => Promise<void>;
}

interface Context {
  s: PromoteSettings;
  env: NodeJS.ProcessEnv;
  cwd: string;
  repo: string;
  git: GitClient;
  store: StoreSelection;
  deps: PromoteDeps;
}

interface Artifact {
  name: string;
  version: string;
  id: string | number;
  location: string;
}

export async function runPromote(s: PromoteSettings, deps: PromoteDeps = {}): Promise<StageResult> {
  const env = deps.env ?? process.env;
  const cwd = deps.cwd ?? process.cwd();
  const repo = s.workspace;
  const git = new GitClient(repo, env);
  await assertRepository(git, s.push);
  // Before anything is read, stored or uploaded: names git would refuse as tags.
  await assertTagNamesAllowed(git, s.model, s.promoteTo || undefined);
  const store = deps.store ?? selectStore(env, { localDir: resolve(cwd, s.storeDir), workspace: repo });
  const ctx: Context = { s, env, cwd, repo, git, store, deps };
  const result = s.rollback ? await rollbackStage(ctx) : await promote(ctx);
  return { ...result, notices: store.notice ? [store.notice] : [] };
}

async function promote(ctx: Context): Promise<StageResult> {
  const { s, cwd, git } = ctx;
  const read = await readMetrics(await resolveMetricPaths(s.metrics, cwd), s.metricsFormat, cwd);
  const rules = await loadRules(s.thresholds);
  // Per-example predictions: their metrics come first (and must agree with the metrics files).
  const challenger = s.predictions ? await loadChallengerPredictions(s, cwd) : undefined;
  if (challenger) assertAgree(challenger.file, read);
  const files = challenger ? [challenger.file, ...read] : read;
  const modelFiles = await expandFiles(s.modelPaths, cwd);
  const modelHash = await hashFiles(s.modelPaths, cwd);
  // The predictions' own estimates (Wilson, bootstrap) for the rules the candidate meets alone.
  const gate = checkRules(
    absoluteRules(rules),
    files,
    undefined,
    challenger && { predictions: challenger.comparisons },
  );
  const keyMetrics = [...new Set(gate.map((e) => e.metric))];
  // Numbered against the remote's tags: a fresh checkout usually has none.
  if (s.push) await git.fetchTags('origin');
  const commit = await git.revParseCommit('HEAD');

  if (gate.some((e) => !e.passed)) {
    const state = await readRegistry(git, s.model);
    return refused(ctx, state, gate, undefined, holderFromState(state, s.promoteTo), keyMetrics, files);
  }

  let uploaded: Artifact | undefined;
  const metrics = messageMetrics(files, keyMetrics);
  const out = await publish(
    git,
    { push: s.push, maxAttempts: ctx.deps.maxAttempts, beforePush: ctx.deps.beforePush },
    async () => {
      const state = await readRegistry(git, s.model);
      const holder = s.promoteTo ? holderFromState(state, s.promoteTo) : undefined;
      if (holder && holder.commit === commit)
        return { tags: [] as PendingTag[], kind: 'already' as const, state, holder };
      const compared =
        holder && s.championCheck ? await championComparison(ctx, state, holder, read, challenger) : undefined;
      const champion =
        holder && compared ? compareWithChampion(rules, compared.files, compared.champion, compared.noise) : undefined;
      const championNote = compared?.note;
      if (champion?.some((e) => !e.passed))
        return { tags: [] as PendingTag[], kind: 'refused' as const, state, holder, champion, championNote };

      const existing = versionAt(state, commit);
      const planned = existing?.version ?? plannedVersion(state, s);
      // Uploaded once per version number: a lost race that renumbers the version uploads again.
      if (!existing && uploaded?.version !== planned) {
        uploaded = await upload(ctx, planned, modelFiles, read, gate, champion, holder, commit, modelHash);
      }
      const run = runInfo(ctx.env);
      const artifact = existing ? undefined : uploaded;
      const reg = await registerVersion(git, s.model, {
        version: s.version,
        bump: s.bump,
        commit,
        message: {
          model: s.model,
          version: planned,
          metrics,
          key_metrics: keyMetrics,
          ...run,
          commit,
          artifact_name: artifact?.name ?? null,
          artifact_id: artifact?.id ?? null,
          ...(ctx.store.kind === 'runner' && artifact ? { artifact_url: artifact.location } : {}),
          model_files: modelFiles.map((f) => relativePosix(cwd, f)),
          model_hash: `sha256:${modelHash}`,
          // As the inputs named them, with forward slashes on every platform.
          metrics_files: read.map((f) => toPosix(f.file)),
          ...(challenger?.recorded ? { predictions: challenger.recorded } : {}),
          tool: 'ml-quality-gate',
        },
      });
      const tags: PendingTag[] = reg.tag
        ? [reg.tag]
        : s.push && existing
          ? await unpublished(git, s.model, existing)
          : [];
      if (s.promoteTo) {
        tags.push(
          await assignStage(git, s.model, reg.version, s.promoteTo, {
            action: 'promote',
            model: s.model,
            stage: s.promoteTo,
            version: reg.version,
            previous_version: holder?.version ?? null,
            champion_check: champion ? 'passed' : holder ? 'skipped' : 'no holder',
            ...run,
          }),
        );
      }
      return {
        tags,
        kind: 'promoted' as const,
        state,
        holder,
        champion,
        championNote,
        version: reg.version,
        registered: Boolean(reg.tag),
        artifact,
        existing,
      };
    },
  );

  if (out.kind === 'refused')
    return refused(ctx, out.state, gate, out.champion, out.holder, keyMetrics, files, uploaded, out.championNote);
  const state = await readRegistry(git, s.model);
  if (out.kind === 'already') return already(ctx, state, gate, out.holder, keyMetrics);

  const promoted = Boolean(s.promoteTo);
  const tagNames = out.tags.map((t) => t.name);
  const artifactId = out.artifact
    ? String(ctx.store.kind === 'runner' ? out.artifact.id : out.artifact.location)
    : artifactOf(ctx, state, out.version);
  const headline = promoted
    ? `${s.model} ${out.version} promoted to ${s.promoteTo}${out.holder ? ` (was ${out.holder.version})` : ' (its first version there)'}`
    : out.registered
      ? `${s.model} ${out.version} registered`
      : `${s.model} ${out.version} was already registered at this commit`;
  const blocks: SummaryBlock[] = [
    { kind: 'heading', text: `✅ ${headline}` },
    { kind: 'text', text: publishedText(s, tagNames, out.attempts) },
    ...gateBlocks(gate),
    ...championBlocks(s, out.champion, out.holder, out.version, out.championNote),
    ...artifactBlocks(out.artifact, ctx.store.kind),
    ...historyBlocks(state, keyMetrics, s.promoteTo),
  ];
  return {
    stage: 'promote',
    ok: true,
    headline,
    outputs: outputs(
      out.version,
      tagNames[tagNames.length - 1] ?? versionTag(state, out.version),
      out.holder?.version ?? '',
      promoted,
      artifactId,
    ),
    summary: blocks,
    annotations: [],
    report: report(s, {
      promoted,
      version: out.version,
      previous: out.holder?.version,
      tags: tagNames,
      gate,
      champion: out.champion,
      champion_note: out.championNote ?? null,
      artifact: out.artifact,
      attempts: out.attempts,
    }),
  };
}

/** Gives the stage back to the version that held it before the current one. */
async function rollbackStage(ctx: Context): Promise<StageResult> {
  const { s, git } = ctx;
  if (s.push) await git.fetchTags('origin');
  let first: string | undefined;
  const out = await publish(
    git,
    { push: s.push, maxAttempts: ctx.deps.maxAttempts, beforePush: ctx.deps.beforePush },
    async (attempt) => {
      const current = holderFromState(await readRegistry(git, s.model), s.promoteTo);
      // Re-planned only while the stage is as we found it: never roll back a promotion made meanwhile.
      if (attempt > 1 && current?.version !== first) {
        throw new UserError(
          `stage '${s.promoteTo}' of ${s.model} changed while rolling back ` +
            `(now ${current?.version ?? 'unassigned'}, was ${first}); nothing was pushed: check the registry and run again if still needed`,
        );
      }
      first = current?.version;
      const r = await rollback(git, s.model, s.promoteTo, {
        action: 'rollback',
        model: s.model,
        stage: s.promoteTo,
        rolled_back_from: current?.version ?? null,
        ...runInfo(ctx.env),
      });
      return { tags: [r.tag], from: r.from, to: r.to };
    },
  );
  const state = await readRegistry(git, s.model);
  const tag = out.tags[0].name;
  const headline = `${s.model} rolled back in ${s.promoteTo}: ${out.to} again (was ${out.from})`;
  return {
    stage: 'promote',
    ok: true,
    headline,
    outputs: outputs(out.to, tag, out.from, true, artifactOf(ctx, state, out.to)),
    summary: [
      { kind: 'heading', text: `↩️ ${headline}` },
      { kind: 'text', text: publishedText(s, [tag], out.attempts) },
      ...historyBlocks(state, [], s.promoteTo),
    ],
    annotations: [],
    report: report(s, {
      promoted: true,
      version: out.to,
      previous: out.from,
      tags: [tag],
      rollback: true,
      attempts: out.attempts,
    }),
  };
}

/** The challenger's predictions, their metrics, and the path the version tag records. */
interface ChallengerPredictions {
  predictions: Predictions;
  file: MetricFile;
  comparisons: Map<string, MetricComparison>;
  /** Workspace-relative, forward slashes; undefined when the file is outside the workspace. */
  recorded?: string;
}

async function loadChallengerPredictions(s: PromoteSettings, cwd: string): Promise<ChallengerPredictions> {
  const { comparePredictions, readPredictions } = await import('../noise/index.js');
  const abs = resolve(cwd, s.predictions);
  // Messages name the file as the input did.
  const predictions = { ...(await readPredictions(abs)), file: s.predictions };
  const { comparisons } = comparePredictions(predictions);
  return {
    predictions,
    file: predictionsMetricFile(
      s.predictions,
      comparisons.map((c) => [c.metric, c.candidate.value]),
    ),
    comparisons: new Map(comparisons.map((c) => [c.metric, c])),
    recorded: isInside(s.workspace, abs) ? relativePosix(s.workspace, abs) : undefined,
  };
}

/**
 * What the champion check compares: paired predictions when both sides have them, otherwise the
 * metrics in the champion's tag message — with a note saying why, when the challenger had predictions.
 */
async function championComparison(
  ctx: Context,
  state: RegistryView,
  holder: StageHolder,
  read: MetricFile[],
  challenger: ChallengerPredictions | undefined,
): Promise<{ files: MetricFile[]; champion: MetricFile[]; noise?: NoiseContext; note?: string }> {
  const files = challenger ? [challenger.file, ...read] : read;
  const fromTag = holderMetricFile(holder);
  if (!challenger) return { files, champion: [fromTag] };
  const data = state.versions.find((v) => v.version === holder.version)?.data;
  const got = await championPredictions(
    ctx.git,
    { version: holder.version, commit: holder.commit, data },
    challenger.predictions,
  );
  if (got.kind === 'none') {
    return {
      files,
      champion: [fromTag],
      note:
        `Not paired: ${got.reason}, so the challenger was compared with the metrics in the champion's ` +
        'version tag (an unpaired comparison, or none where the tag has no sample size).',
    };
  }
  const { paired } = got;
  return {
    files: [paired.candidate, ...read],
    champion: [paired.champion, fromTag],
    noise: { predictions: paired.comparisons },
    note: `Paired with the champion ${holder.version}'s predictions (${paired.champion.file}), example by example.`,
  };
}

/** Not promoted: the gate failed, or the candidate is worse than the champion. No tag was created. */
function refused(
  ctx: Context,
  state: RegistryView,
  gate: GateEntry[],
  champion: ChampionEntry[] | undefined,
  holder: StageHolder | undefined,
  keyMetrics: string[],
  files: MetricFile[],
  uploaded?: Artifact,
  championNote?: string,
): StageResult {
  const { s } = ctx;
  const gateFailed = gate.filter((e) => !e.passed);
  const championFailed = champion?.filter((e) => !e.passed) ?? [];
  const headline = gateFailed.length
    ? `${s.model} not promoted: the gate failed on ${gateFailed.length} of ${gate.length} metrics ` +
      `(${gateFailed.map((e) => e.name).join(', ')})`
    : `${s.model} not promoted to ${s.promoteTo}: worse than the champion ${holder?.version} ` +
      `on ${championFailed.length} of ${champion?.length} metrics (${championFailed.map((e) => e.name).join(', ')})`;
  const annotations: Annotation[] = [
    ...gateFailed.map((e) => ({
      level: 'error' as const,
      title: `Quality gate: ${e.name}`,
      message: `${e.name} = ${formatNumber(e.value)}: ${e.message} (rule ${e.rule})`,
      ...annotationLocation(s.workspace, { file: resolve(ctx.cwd, e.file), line: e.line ?? undefined }),
    })),
    ...championFailed.map((e) => {
      const metric = lookupMetric(files, e.metric);
      return {
        level: 'error' as const,
        title: `Champion check: ${e.name}`,
        message: `${e.name}: ${e.message} (champion ${s.model}@${holder?.version}, rule ${e.rule})`,
        ...(metric ? annotationLocation(s.workspace, { file: resolve(ctx.cwd, metric.file), line: metric.line }) : {}),
      };
    }),
  ];
  return {
    stage: 'promote',
    ok: false,
    headline,
    outputs: outputs('', '', holder?.version ?? '', false, ''),
    summary: [
      { kind: 'heading', text: `❌ ${headline}` },
      {
        kind: 'text',
        // Uploaded only when a lost race brought a better champion in after the upload.
        text: uploaded
          ? `No tag was created; the files stored as ${uploaded.name} belong to no version.`
          : 'No tag was created and nothing was uploaded.',
      },
      ...gateBlocks(gate),
      ...championBlocks(s, champion, holder, 'candidate', championNote),
      ...historyBlocks(state, keyMetrics, s.promoteTo),
    ],
    annotations,
    report: report(s, {
      promoted: false,
      previous: holder?.version,
      tags: [],
      gate,
      champion,
      champion_note: championNote ?? null,
    }),
  };
}

/** The commit's version already holds the stage: nothing to do. */
function already(
  ctx: Context,
  state: RegistryView,
  gate: GateEntry[],
  holder: StageHolder,
  keyMetrics: string[],
): StageResult {
  const { s } = ctx;
  const headline = `${s.model} ${holder.version} already holds ${s.promoteTo}: nothing to do`;
  return {
    stage: 'promote',
    ok: true,
    headline,
    outputs: outputs(holder.version, holder.tag, '', true, artifactOf(ctx, state, holder.version)),
    summary: [
      { kind: 'heading', text: `✅ ${headline}` },
      ...gateBlocks(gate),
      ...historyBlocks(state, keyMetrics, s.promoteTo),
    ],
    annotations: [],
    report: report(s, { promoted: true, version: holder.version, tags: [], gate }),
  };
}

async function upload(
  ctx: Context,
  version: string,
  modelFiles: string[],
  files: MetricFile[],
  gate: GateEntry[],
  champion: ChampionEntry[] | undefined,
  holder: StageHolder | undefined,
  commit: string,
  modelHash: string,
): Promise<Artifact> {
  const { s, cwd, env } = ctx;
  // @actions/artifact refuses / and : in names; GTO allows them in model names.
  const name = `${s.model}-${version}`.replace(/[/:]/g, '_');
  const card = join(cwd, LOCAL_DIR, 'model-cards', name, 'MODEL_CARD.md');
  // Written through the checks of any output: a committed `.ml-quality-gate` link cannot redirect it.
  await writeTextFile(
    card,
    renderModelCard({
      model: s.model,
      version,
      stage: s.promoteTo || undefined,
      previousVersion: holder?.version,
      commit,
      timestamp: new Date().toISOString(),
      repository: env.GITHUB_REPOSITORY,
      runUrl: runUrl(env),
      modelFiles: modelFiles.map((f) => relativePosix(cwd, f)),
      modelHash,
      metricsFiles: files.map((f) => f.file),
      metrics: gate.map((e) => ({
        name: e.name,
        value: e.value,
        rule: e.rule,
        champion: champion?.find((c) => c.name === e.name)?.champion,
      })),
      data: await readDataReports(env, cwd, (file) => ctx.git.isTracked(file)),
    }),
    { what: 'model card', cwd, workspace: cwd },
  );
  const metricsPaths = files.map((f) => f.file).filter((f) => isInside(cwd, resolve(cwd, f)));
  // The predictions go with the model: a later champion check can pair with them.
  const predictions = s.predictions ? await expandFiles([s.predictions], cwd, 'predictions file') : [];
  const all = [
    ...new Set([...modelFiles, ...(await expandFiles(metricsPaths, cwd, 'metrics file')), ...predictions, card]),
  ];
  const result = await ctx.store.artifacts.upload(name, all, cwd);
  return { name, version, id: result.id, location: result.location };
}

/**
 * The version tag of an existing version when only this clone has it (registered with push: false):
 * pushed with the stage tag, so a stage tag never reaches the remote without its version.
 */
async function unpublished(git: GitClient, model: string, v: ModelVersion): Promise<PendingTag[]> {
  if ((await git.lsRemoteTags('origin')).some((t) => t.name === v.tag)) return [];
  const object = (await git.tryTagObject(v.tag)) ?? '';
  return [{ name: v.tag, action: 'register', model, commit: v.commit, object, version: v.version }];
}

function plannedVersion(state: RegistryView, s: PromoteSettings): string {
  if (s.version === 'auto') return autoVersion(state, s.bump);
  const taken = state.versions.find((v) => v.version === s.version);
  if (taken)
    throw new UserError(
      `${s.model}@${s.version} already exists (commit ${taken.commit.slice(0, 12)}); ` +
        'versions are never reused: use version: auto or a new number',
    );
  return s.version;
}

/** Gated metrics first, then the others, up to MAX_MESSAGE_METRICS: what the registry baseline can compare. */
function messageMetrics(files: MetricFile[], keys: string[]): Record<string, number> {
  const all = flatMetrics(files);
  const ordered = [...keys.filter((k) => k in all), ...Object.keys(all).filter((k) => !keys.includes(k))];
  return Object.fromEntries(ordered.slice(0, Math.max(MAX_MESSAGE_METRICS, keys.length)).map((k) => [k, all[k]]));
}

function runInfo(env: NodeJS.ProcessEnv): Record<string, string | number | null> {
  const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);
  return {
    run_number: num(env.GITHUB_RUN_NUMBER),
    run_id: num(env.GITHUB_RUN_ID),
    run_attempt: num(env.GITHUB_RUN_ATTEMPT),
    run_url: runUrl(env) ?? null,
    repository: env.GITHUB_REPOSITORY ?? null,
    ref: env.GITHUB_REF ?? null,
    timestamp: new Date().toISOString(),
  };
}

function outputs(version: string, tag: string, previous: string, promoted: boolean, artifactId: string): OutputValues {
  return {
    [Outputs.Version]: version,
    [Outputs.Tag]: tag,
    [Outputs.PreviousVersion]: previous,
    [Outputs.Promoted]: String(promoted),
    [Outputs.ArtifactId]: artifactId,
  };
}

/**
 * The `artifact-id` output for a version registered earlier, from its tag message: a runner's
 * (numeric) artifact id, or the local store path of a version stored locally ('' when none).
 */
function artifactOf(ctx: Context, state: RegistryView, version: string): string {
  const data = state.versions.find((v) => v.version === version)?.data as
    { artifact_id?: unknown; artifact_name?: unknown } | undefined;
  if (typeof data?.artifact_id === 'number') return String(data.artifact_id);
  if (typeof data?.artifact_name === 'string' && !/[/\\]|^\.\.?$/.test(data.artifact_name)) {
    return resolve(ctx.cwd, ctx.s.storeDir, 'artifacts', data.artifact_name);
  }
  return '';
}

function versionTag(state: RegistryView, version: string): string {
  return state.versions.find((v) => v.version === version)?.tag ?? '';
}

function publishedText(s: PromoteSettings, tags: string[], attempts: number): string {
  if (!tags.length) return 'No new tag was needed.';
  const list = `${tags.length === 1 ? 'Tag' : 'Tags'} ${tags.join(' and ')}`;
  if (!s.push) return `${list} created locally (push: false): push with git push origin --tags.`;
  const race =
    attempts > 1
      ? ` after ${attempts} attempts (another run registered ${s.model} at the same time; numbers and the champion check were recomputed)`
      : '';
  return `${list} pushed to origin${race}.`;
}

function gateBlocks(gate: GateEntry[]): SummaryBlock[] {
  const rows = [...gate]
    .sort((a, b) => Number(a.passed) - Number(b.passed))
    .map((e) => [e.passed ? '✅ pass' : '❌ fail', e.name, formatNumber(e.value), e.rule, e.passed ? '' : e.message]);
  return [
    { kind: 'heading', level: 3, text: 'Gate' },
    { kind: 'table', header: ['Status', 'Metric', 'Value', 'Rule', 'Why'], rows },
  ];
}

function championBlocks(
  s: PromoteSettings,
  champion: ChampionEntry[] | undefined,
  holder: StageHolder | undefined,
  challenger: string,
  note?: string,
): SummaryBlock[] {
  if (!s.promoteTo) return [];
  const heading: SummaryBlock = { kind: 'heading', level: 3, text: 'Champion vs challenger' };
  if (note && champion) return [...championBlocks(s, champion, holder, challenger), { kind: 'text', text: note }];
  if (!holder)
    return [heading, { kind: 'text', text: `No version holds ${s.promoteTo} yet: nothing to compare with.` }];
  if (!champion)
    return [
      heading,
      {
        kind: 'text',
        text: `Not compared with ${s.model} ${holder.version}, which holds ${s.promoteTo} (champion-check: false).`,
      },
    ];
  // Noise-aware rules (significance/confidence) show the test that decided, as the gate does.
  const noisy = champion.some((e) => e.noise);
  const rows = [...champion]
    .sort((a, b) => Number(a.passed) - Number(b.passed))
    .map((e) => [
      e.passed ? '✅ pass' : '❌ fail',
      e.name,
      formatNumber(e.challenger),
      e.champion === null ? '—' : formatNumber(e.champion),
      e.delta === null ? '—' : formatSigned(e.delta),
      e.delta_pct === null ? '—' : formatSigned(e.delta_pct, ' %'),
      e.rule,
      ...(noisy ? [e.noise?.verdict ?? '—', e.noise ? noiseEvidence(e.noise) : '—'] : []),
      e.passed ? (e.champion === null ? e.message : '') : e.message,
    ]);
  return [
    heading,
    {
      kind: 'table',
      header: [
        'Status',
        'Metric',
        `Challenger (${challenger})`,
        `Champion (${holder.version})`,
        'Δ',
        'Δ %',
        'Rule',
        ...(noisy ? ['Verdict', 'Evidence'] : []),
        'Why',
      ],
      rows,
    },
  ];
}

function artifactBlocks(artifact: Artifact | undefined, kind: StoreSelection['kind']): SummaryBlock[] {
  if (!artifact) return [];
  const text =
    kind === 'runner'
      ? `Model files, metrics and model card uploaded as artifact ${artifact.name} (id ${artifact.id}: ${artifact.location}).`
      : `Model files, metrics and model card stored as ${artifact.name} in ${artifact.location}.`;
  return [{ kind: 'text', text }];
}

function report(s: PromoteSettings, fields: Record<string, unknown>): unknown {
  return { stage: 'promote', model: s.model, promote_to: s.promoteTo || null, ...fields };
}

async function assertRepository(git: GitClient, push: boolean): Promise<void> {
  const repo = git.dir;
  if (!(await git.tryRevParseCommit('HEAD')))
    throw new UserError(
      `the promote stage needs a git repository with a commit in ${repo}: the registry is its tags (run actions/checkout first)`,
    );
  if (push && !(await git.tryRemoteUrl('origin'))) {
    throw new UserError(
      `there is no remote 'origin' in ${repo} to push the registry tags to; set push: false to keep them local`,
    );
  }
}
