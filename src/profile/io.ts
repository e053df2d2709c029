/** Reading and writing profile files (JSON), with errors that name the file. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkFile } from '../data/source.js';
import { UserError } from '../errors.js';
import { Profile } from './profile.js';

/** A `reference`/`current` path that is a profile rather than a dataset: a `.json` file. */
export function isProfilePath(file: string): boolean {
  return /\.json$/i.test(file.trim());
}

export async function readProfile(file: string): Promise<Profile> {
  await checkFile(file);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new UserError(`${file}: not valid JSON (${(e as Error).message})`, file);
  }
  try {
    return Profile.fromJSON(json);
  } catch (e) {
    throw new UserError(`${file}: ${(e as Error).message}`, file);
  }
}

/** Writes the profile (creating the folder); returns its size in bytes. */
export async function writeProfile(file: string, profile: Profile): Promise<number> {
  const text = JSON.stringify(profile) + '\n';
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
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
      throw new UserError(`${file}: ${(e as Error).message}`, file);
    }
  }
  return out;
}
