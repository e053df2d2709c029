/** Reading and writing profile files (JSON), with errors that name the file. */
import { readTextFile } from '../files/read-text.js';
import { writeTextFile } from '../files/write-text.js';
import { UserError } from '../errors.js';
import { jsonDepthExcess } from '../tree/json.js';
import { tooDeep } from '../tree/limits.js';
import { Profile } from './profile.js';

/** A `reference`/`current` path that is a profile rather than a dataset: a `.json` file. */
export function isProfilePath(file: string): boolean {
  return /\.json$/i.test(file.trim());
}

/**
 * Reads a profile file. Nesting deeper than MAX_TREE_DEPTH is refused before JSON.parse (which
 * takes seconds on a deeply nested text); the structure is then checked by Profile.fromJSON.
 */
export async function readProfile(file: string): Promise<Profile> {
  const text = await readTextFile(file, { what: 'profile' });
  const deep = jsonDepthExcess(text);
  if (deep >= 0) {
    const before = text.slice(0, deep);
    const line = before.split('\n').length;
    throw tooDeep({ file, line, column: deep - before.lastIndexOf('\n') });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError(`not valid JSON (${(e as Error).message})`, file);
  }
  try {
    return Profile.fromJSON(json);
  } catch (e) {
    throw new UserError(`${(e as Error).message}`, file);
  }
}

/** Writes the profile (creating the folder); returns its size in bytes. */
export async function writeProfile(file: string, profile: Profile): Promise<number> {
  const text = JSON.stringify(profile) + '\n';
  await writeTextFile(file, text, { what: 'profile-out', cwd: process.cwd() });
  return Buffer.byteLength(text);
}

/** Merges profiles in order (the result does not depend on it, within the sketches' bounds). */
export function mergeProfiles(profiles: { file: string; profile: Profile }[]): Profile {
  const [first, ...rest] = profiles;
  const out = new Profile(first.profile.params);
  for (const { file, profile } of [first, ...rest]) {
    try {
      out.merge(profile);
    } catch (e) {
      throw new UserError(`${(e as Error).message}`, file);
    }
  }
  return out;
}
