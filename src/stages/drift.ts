/**
 * The drift stage. Three paths, one verdict:
 *  - `profile-out`: profile `current` (or `reference`) in one streaming pass, merge
 *    `profile-shards` into it, write the JSON (src/profile/);
 *  - exact: both tables read whole, each column's samples tested; when that would need more memory
 *    than `memory-budget` (estimated from the files' sizes and a sample, src/drift/memory.ts), both
 *    datasets are profiled instead and compared from the profiles, and the summary says so;
 *  - from profiles, when a side is a profile or `profile-shards` stand for the current data: a
 *    dataset on the other side is profiled (streaming), shards are merged, each column is tested
 *    from the summaries.
 * Columns are planned (src/drift/plan.ts) and tested (src/drift/column-test.ts, methods in
 * src/drift/methods/) the same way on both comparison paths. Prints nothing.
 */
import { Outputs } from '../constants.js';
import * as path from 'node:path';
import { profileFiles, readTables } from '../workers/readTables.js';
import { compareColumn, samplePair, summaryPair, type Compared } from '../drift/column-test.js';
import { loadDriftConfig, type ColumnConfig } from '../drift/config.js';
import { planColumns, profileSide, tableSide } from '../drift/plan.js';
import { tryEstimateExactPath } from '../drift/memory.js';
import { profileOutResult } from '../drift/profile-out.js';
import { verdict, type Comparison } from '../drift/verdict.js';
import { UserError } from '../errors.js';
import { isProfilePath, mergeProfiles, readProfile, writeProfile } from '../profile/io.js';
import { DEFAULT_PARAMS, type ProfileParams } from '../profile/params.js';
import type { Profile } from '../profile/profile.js';
import type { OutputValues, StageResult } from '../report/result.js';
import type { DriftSettings } from '../settings/drift.js';

type DriftConfig = Map<string, ColumnConfig>;

/** Compares reference and current data column by column, or writes a profile; returns the result. */
export async function runDrift(s: DriftSettings): Promise<StageResult> {
  // 1. `profile-out`: write a profile, compare nothing.
  if (s.profileOut) return writeProfileOut(s);
  // 2. Per-column methods and thresholds.
  const config = await loadDriftConfig(s.config);
  // 3. Compare: from profiles when either side is one, else the exact path.
  const comparison = usesProfiles(s) ? await compareProfiles(s, config) : await compareData(s, config);
  // 4. The dataset verdict.
  return verdict(comparison, s);
}

/** True when the comparison goes through profiles. */
export function usesProfiles(s: DriftSettings): boolean {
  return s.profileShards !== '' || isProfilePath(s.reference) || isProfilePath(s.current);
}

/**
 * Two datasets: the exact path, or profiles when the exact path's estimated memory is above
 * `memory-budget` (no estimate, e.g. an unreadable file: the exact path, whose reader says why).
 */
async function compareData(s: DriftSettings, config: DriftConfig): Promise<Comparison> {
  const format = s.dataFormat === 'auto' ? undefined : s.dataFormat;
  const estimate = await tryEstimateExactPath([s.reference, s.current], { format });
  if (!estimate || estimate.bytes <= s.memoryBudget.bytes) return compareTables(s, config);
  const comparison = await compareProfiles(s, config);
  return { ...comparison, overBudget: { estimate, budget: s.memoryBudget } };
}

/** The exact path: both tables read (sorted, in parallel), every column's samples compared. */
async function compareTables(s: DriftSettings, config: DriftConfig): Promise<Comparison> {
  const format = s.dataFormat === 'auto' ? undefined : s.dataFormat;
  const [ref, cur] = await readTables([s.reference, s.current], { format, samples: true });
  const plan = planColumns(tableSide(ref), tableSide(cur), s);
  checkConfig(config, plan.columns);
  const compared = plan.columns.map((column) =>
    compareColumn(samplePair(column, ref, cur), s, config.get(column.name)),
  );
  return {
    compared,
    skipped: plan.skipped,
    ref: { file: ref.file, rows: ref.rowCount },
    cur: { file: cur.file, rows: cur.rowCount },
    fromProfiles: false,
  };
}

/**
 * From profiles: the reference as given or profiled now; the current side profiled now, read, or
 * merged from `profile-shards` (the merged profile is written next to the report and output as
 * `profile`); every column compared from the summaries.
 */
async function compareProfiles(s: DriftSettings, config: DriftConfig): Promise<Comparison> {
  const shards = await shardProfiles(s);
  // Sketch sizes follow a profile given on the other side (so merged shards and data agree).
  const given = isProfilePath(s.reference) ? await readProfile(s.reference) : undefined;
  const params = given?.params ?? shards[0]?.profile.params;
  // Two datasets (over memory-budget): profiled side by side, one worker thread each.
  const both = !given && shards.length === 0 && !isProfilePath(s.current) ? await profileBoth(s) : undefined;
  const ref: Side =
    both?.[0] ?? (given ? { profile: given, label: s.reference } : await loadSide(s, s.reference, params));
  const outputs: OutputValues = {};
  let cur: Side;
  if (both) {
    cur = both[1];
  } else if (shards.length > 0) {
    const merged = mergeProfiles(shards);
    const file = path.join(path.dirname(s.reportPath), `${path.basename(s.reportPath, '.json')}.current.profile.json`);
    await writeProfile(file, merged);
    outputs[Outputs.Profile] = file;
    cur = {
      profile: merged,
      label: shards.length === 1 ? shards[0].file : `${shards.length} merged profiles (${shards[0].file}, …)`,
    };
  } else {
    cur = await loadSide(s, s.current, ref.profile.params);
  }
  const plan = planColumns(profileSide(ref.profile, ref.label), profileSide(cur.profile, cur.label), s);
  checkConfig(config, plan.columns);
  const rows = { ref: ref.profile.rows, cur: cur.profile.rows };
  const compared: Compared[] = plan.columns.map((column) =>
    compareColumn(summaryPair(column, rows), s, config.get(column.name)),
  );
  return {
    compared,
    skipped: plan.skipped,
    ref: { file: ref.label, rows: ref.profile.rows },
    cur: { file: cur.label, rows: cur.profile.rows },
    fromProfiles: true,
    outputs,
  };
}

/** `profile-out`: the one dataset given, profiled, with `profile-shards` merged in; written as JSON. */
async function writeProfileOut(s: DriftSettings): Promise<StageResult> {
  const parts: { file: string; profile: Profile }[] = [];
  const data = s.current || s.reference;
  const shards = await shardProfiles(s);
  if (data) parts.push({ file: data, profile: (await loadSide(s, data, shards[0]?.profile.params)).profile });
  parts.push(...shards);
  const profile = mergeProfiles(parts);
  const file = path.resolve(s.profileOut);
  const bytes = await writeProfile(file, profile);
  return profileOutResult({ given: s.profileOut, file, bytes, profile, parts: parts.map((p) => p.file) });
}

/** A drift-config entry for a column that is not compared is an error at its line. */
function checkConfig(config: DriftConfig, columns: { name: string }[]): void {
  for (const [name, at] of config) {
    if (!columns.some((c) => c.name === name))
      throw new UserError(`drift-config names column '${name}', which is not compared`, at.file, at.line);
  }
}

interface Side {
  profile: Profile;
  label: string;
}

/** A side given as a profile file, or a dataset profiled now (categorical-columns read as text). */
async function loadSide(s: DriftSettings, file: string, params: ProfileParams = DEFAULT_PARAMS): Promise<Side> {
  if (isProfilePath(file)) return { profile: await readProfile(file), label: file };
  const format = s.dataFormat === 'auto' ? undefined : s.dataFormat;
  const [profile] = await profileFiles([file], { format, textColumns: s.categoricalColumns }, params);
  return { profile, label: file };
}

/** Both datasets profiled in parallel (src/workers/readTables.ts), with the default sketch sizes. */
async function profileBoth(s: DriftSettings): Promise<[Side, Side]> {
  const format = s.dataFormat === 'auto' ? undefined : s.dataFormat;
  const files = [s.reference, s.current];
  const [ref, cur] = await profileFiles(files, { format, textColumns: s.categoricalColumns });
  return [
    { profile: ref, label: s.reference },
    { profile: cur, label: s.current },
  ];
}

/** The profiles `profile-shards` names (paths or globs), read. */
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
