import type { ReadOptions } from '../data/types.js';
import { visitTable } from '../data/visit.js';
import { Profile } from './profile.js';
import { DEFAULT_PARAMS, type ProfileParams } from './params.js';
import { ProfileSink } from './sink.js';

/**
 * Profiles one data file in a single streaming pass (two when a column mixes numbers and text,
 * as readTable): memory does not grow with the number of rows.
 */
export async function profileFile(
  file: string,
  opts: ReadOptions & { textColumns?: Iterable<string> } = {},
  params: ProfileParams = DEFAULT_PARAMS,
): Promise<Profile> {
  const visited = await visitTable(file, (name, text) => new ProfileSink(name, text, params), opts);
  const profile = new Profile(params);
  profile.rows = visited.rowCount;
  profile.sources = [file];
  for (const sink of visited.sinks) profile.columns.set(sink.name, sink.finish());
  return profile;
}
