/**
 * The artifact of a version: its model files, metrics files, predictions and model card, uploaded
 * (or stored locally) once per version number; and the `artifact-id` of a version registered earlier.
 */
import { join, resolve } from 'node:path';
import { writeTextFile } from '../files/write-text.js';
import type { GateEntry } from '../gate/check.js';
import { LOCAL_DIR } from '../local-dir.js';
import { runUrl } from '../notify/after-run.js';
import type { StageHolder } from '../registry/baseline.js';
import type { RegistryView } from '../registry/read-tags.js';
import type { Candidate } from './candidate.js';
import type { ChampionEntry } from './champion.js';
import type { PromoteContext } from './context.js';
import { expandFiles, isInside, relativePosix } from './files.js';
import { readDataReports, renderModelCard } from './model-card.js';

export interface Artifact {
  name: string;
  version: string;
  id: string | number;
  location: string;
}

/** The version an artifact is uploaded for, and what its model card says about it. */
export interface ArtifactFacts {
  version: string;
  commit: string;
  gate: GateEntry[];
  champion: ChampionEntry[] | undefined;
  holder: StageHolder | undefined;
}

/** Uploads the candidate's files with a model card written for `v`, as `<model>-<version>`. */
export async function upload(ctx: PromoteContext, c: Candidate, v: ArtifactFacts): Promise<Artifact> {
  const { s, cwd } = ctx;
  // @actions/artifact refuses / and : in names; GTO allows them in model names.
  const name = `${s.model}-${v.version}`.replace(/[/:]/g, '_');
  const card = await writeModelCard(ctx, c, v, name);
  const metricsPaths = c.read.map((f) => f.file).filter((f) => isInside(cwd, resolve(cwd, f)));
  // The predictions go with the model: a later champion check can pair with them.
  const predictions = s.predictions ? await expandFiles([s.predictions], cwd, 'predictions file') : [];
  const all = [
    ...new Set([...c.modelFiles, ...(await expandFiles(metricsPaths, cwd, 'metrics file')), ...predictions, card]),
  ];
  const result = await ctx.store.artifacts.upload(name, all, cwd);
  return { name, version: v.version, id: result.id, location: result.location };
}

/** Writes the model card under `.ml-quality-gate/model-cards/<name>/`; returns its path. */
async function writeModelCard(ctx: PromoteContext, c: Candidate, v: ArtifactFacts, name: string): Promise<string> {
  const { s, cwd, env } = ctx;
  const card = join(cwd, LOCAL_DIR, 'model-cards', name, 'MODEL_CARD.md');
  // Written through the checks of any output: a committed `.ml-quality-gate` link cannot redirect it.
  await writeTextFile(
    card,
    renderModelCard({
      model: s.model,
      version: v.version,
      stage: s.promoteTo || undefined,
      previousVersion: v.holder?.version,
      commit: v.commit,
      timestamp: new Date().toISOString(),
      repository: env.GITHUB_REPOSITORY,
      runUrl: runUrl(env),
      modelFiles: c.modelFiles.map((f) => relativePosix(cwd, f)),
      modelHash: c.modelHash,
      metricsFiles: c.read.map((f) => f.file),
      metrics: v.gate.map((e) => ({
        name: e.name,
        value: e.value,
        rule: e.rule,
        champion: v.champion?.find((x) => x.name === e.name)?.champion,
      })),
      data: await readDataReports(env, cwd, (file) => ctx.git.isTracked(file)),
    }),
    { what: 'model card', cwd, workspace: cwd },
  );
  return card;
}

/**
 * The `artifact-id` output: of the artifact uploaded now (a runner's id, a local store's path), or
 * else of a version registered earlier, from its tag message: a runner's (numeric) artifact id, or
 * the local store path of a version stored locally ('' when none).
 */
export function artifactOf(ctx: PromoteContext, state: RegistryView, version: string, uploaded?: Artifact): string {
  if (uploaded) return String(ctx.store.kind === 'runner' ? uploaded.id : uploaded.location);
  const data = state.versions.find((v) => v.version === version)?.data as
    { artifact_id?: unknown; artifact_name?: unknown } | undefined;
  if (typeof data?.artifact_id === 'number') return String(data.artifact_id);
  if (typeof data?.artifact_name === 'string' && !/[/\\]|^\.\.?$/.test(data.artifact_name)) {
    return resolve(ctx.cwd, ctx.s.storeDir, 'artifacts', data.artifact_name);
  }
  return '';
}
