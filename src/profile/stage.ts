/**
 * The drift stage's profile paths (the exact path is in src/stages/drift.ts):
 *  - `profile-out`: profile `current` (or `reference`) in one streaming pass, merge
 *    `profile-shards` into it, write the JSON;
 *  - comparison when a side is a profile: a dataset on the other side is profiled (streaming),
 *    `profile-shards` are merged into the current side, then each column is tested from the
 *    summaries (compare.ts).
 */
import * as path from 'node:path';
import { UserError } from '../errors.js';
import { formatNumber } from '../report/format.js';
import type { StageResult } from '../report/result.js';
import type { DriftSettings } from '../settings.js';
import type { Compared, Comparison, MethodChoice } from '../stages/drift.js';
import type { DriftTestName } from '../stats/drift-tests.js';
import { profileFile } from './build.js';
import { distinctValues, newCategories, runProfileTest } from './compare.js';
import { isProfilePath, mergeProfiles, readProfile, writeProfile } from './io.js';
import { planProfileColumns } from './plan.js';
import type { Profile } from './profile.js';
import { DEFAULT_PARAMS, type ProfileParams } from './params.js';
import { profileSparklines } from './sparkline.js';

/** New categories listed per column in the report, at most (as the exact path). */
const MAX_NEW_CATEGORIES = 20;

export function usesProfiles(s: DriftSettings): boolean {
  return s.profileShards !== '' || isProfilePath(s.reference) || isProfilePath(s.current);
}

interface Side {
  profile: Profile;
  label: string;
}

export async function writeProfileStage(s: DriftSettings): Promise<StageResult> {
  const parts: { file: string; profile: Profile }[] = [];
  const data = s.current || s.reference;
  const shards = await shardProfiles(s);
  if (data) parts.push({ file: data, profile: (await loadSide(s, data, shards[0]?.profile.params)).profile });
  parts.push(...shards);
  const profile = mergeProfiles(parts);
  const file = path.resolve(s.profileOut);
  const bytes = await writeProfile(file, profile);
  const kb = formatNumber(Math.round(bytes / 102.4) / 10);
  const headline = `profile of ${profile.rows} rows × ${profile.columns.size} columns written to ${s.profileOut} (${kb} kB${parts.length > 1 ? `, ${parts.length} parts merged` : ''})`;
  const rows = [...profile.columns.entries()].map(([name, c]) => {
    if (c.kind === 'numeric') {
      const m = c.moments;
      const eps = c.kll.rankErrorBound();
      return [
        name,
        'numeric',
        String(c.count),
        String(c.missing),
        m.n
          ? `mean ${formatNumber(m.mean)}, std ${formatNumber(Math.sqrt(m.variance(0)))}, [${formatNumber(m.min)}, ${formatNumber(m.max)}]`
          : '',
        `≈ ${Math.round(c.hll.estimate())}`,
        c.values !== null || !eps ? 'exact value counts' : `KLL rank error ≤ ${formatNumber(eps)}`,
      ];
    }
    const top = c.counts
      .entries()
      .slice(0, 3)
      .map(([k, v]) => `${k} (${v})`)
      .join(', ');
    return [
      name,
      'categorical',
      String(c.count),
      String(c.missing),
      top,
      `≈ ${Math.round(c.hll.estimate())}`,
      c.counts.exact ? 'exact counts' : `counts ≤ ${c.counts.error} low`,
    ];
  });
  return {
    stage: 'drift',
    ok: true,
    headline,
    outputs: { profile: file },
    summary: [
      { kind: 'heading', text: `📦 ${headline}` },
      { kind: 'table', header: ['Column', 'Kind', 'Values', 'Missing', 'Summary', 'Distinct', 'Accuracy'], rows },
    ],
    annotations: [],
    report: {
      stage: 'drift',
      profile: file,
      bytes,
      rows: profile.rows,
      sources: profile.sources,
      parts: parts.map((p) => p.file),
      columns: profile.toJSON().columns.map(({ name, kind, count, missing }) => ({ name, kind, count, missing })),
    },
  };
}

export async function compareFromProfiles(
  s: DriftSettings,
  checkConfig: (columns: string[]) => void,
  pick: (c: MethodChoice) => { method: DriftTestName; threshold: number },
): Promise<Comparison> {
  const shards = await shardProfiles(s);
  // Sketch sizes follow a profile given on the other side (so merged shards and data agree).
  const given = isProfilePath(s.reference) ? await readProfile(s.reference) : undefined;
  const params = given?.params ?? shards[0]?.profile.params;
  const ref: Side = given ? { profile: given, label: s.reference } : await loadSide(s, s.reference, params);
  let cur: Side;
  const outputs: Record<string, string> = {};
  if (shards.length > 0) {
    const merged = mergeProfiles(shards);
    const file = path.join(path.dirname(s.reportPath), `${path.basename(s.reportPath, '.json')}.current.profile.json`);
    await writeProfile(file, merged);
    outputs.profile = file;
    cur = {
      profile: merged,
      label: shards.length === 1 ? shards[0].file : `${shards.length} merged profiles (${shards[0].file}, …)`,
    };
  } else {
    cur = await loadSide(s, s.current, ref.profile.params);
  }
  const plan = planProfileColumns(ref.profile, ref.label, cur.profile, cur.label, s);
  checkConfig(plan.columns.map((c) => c.name));
  const compared = plan.columns.map((column): Compared => {
    const { method, threshold } = pick({
      name: column.name,
      kind: column.kind,
      referenceRows: column.ref.count,
      distinct: distinctValues(column.ref, column.cur),
    });
    const outcome = runProfileTest(method, column.kind, column.ref, column.cur, column.name);
    const fresh =
      column.kind === 'categorical'
        ? newCategories(column.ref, column.cur, MAX_NEW_CATEGORIES)
        : { labels: [], share: 0 };
    return {
      column,
      method,
      threshold,
      outcome,
      ref: { rows: ref.profile.rows, missing: column.ref.missing },
      cur: { rows: cur.profile.rows, missing: column.cur.missing },
      newCategories: fresh.labels,
      newCategoryShare: fresh.share,
      sparklines: profileSparklines(column.ref, column.cur),
      approximate: outcome.approximate,
      bound: outcome.bound,
    };
  });
  return {
    compared,
    skipped: plan.skipped,
    ref: { file: ref.label, rows: ref.profile.rows },
    cur: { file: cur.label, rows: cur.profile.rows },
    fromProfiles: true,
    outputs,
  };
}

/** A side given as a profile file, or a dataset profiled now (categorical-columns read as text). */
async function loadSide(s: DriftSettings, file: string, params: ProfileParams = DEFAULT_PARAMS): Promise<Side> {
  if (isProfilePath(file)) return { profile: await readProfile(file), label: file };
  const format = s.dataFormat === 'auto' ? undefined : s.dataFormat;
  return { profile: await profileFile(file, { format, textColumns: s.categoricalColumns }, params), label: file };
}

async function shardProfiles(s: DriftSettings): Promise<{ file: string; profile: Profile }[]> {
  if (!s.profileShards.trim()) return [];
  const { resolveMetricPaths } = await import('../metrics/paths.js');
  const files = await resolveMetricPaths(s.profileShards);
  const out: { file: string; profile: Profile }[] = [];
  for (const file of files) {
    if (!isProfilePath(file))
      throw new UserError(`'profile-shards' takes profiles (.json files written by 'profile-out')`, file);
    out.push({ file, profile: await readProfile(file) });
  }
  return out;
}
