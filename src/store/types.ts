/**
 * Where the action keeps files between steps and runs: artifacts (model files, reports) and a small
 * cache (the registry's tags). On a runner these are GitHub's artifact and cache services; elsewhere a
 * local directory (see select-store.ts).
 */
import { UserError } from '../errors.js';

export interface UploadResult {
  id: string | number;
  /** Where to find it: the artifact's page on a runner, a directory locally. */
  location: string;
}

export interface ArtifactStore {
  /** Uploads `files` (paths under `rootDir`) as artifact `name`. */
  upload(name: string, files: string[], rootDir: string): Promise<UploadResult>;
}

/**
 * A small cache of bytes by exact key. Entries are immutable, as in @actions/cache, and untrusted:
 * whoever reads one verifies it (registry/tag-cache.ts checks every object against its git id).
 */
export interface MetricsCache {
  /** Saves `data` under `key`; false when the key already exists. */
  save(key: string, data: Buffer): Promise<boolean>;
  /** The entry saved under exactly `key`; undefined on a miss or when larger than `maxBytes`. */
  restore(key: string, maxBytes: number): Promise<Buffer | undefined>;
}

/** @actions/cache's key rules, applied to both stores so a key that works locally works on a runner. */
export function assertCacheKey(key: string): void {
  if (!key || key.length > 512 || key.includes(',')) {
    throw new UserError(`cache key '${key.slice(0, 80)}' is invalid: it must be 1 to 512 characters without commas`);
  }
}

/** @actions/artifact's name rules, likewise. */
export function assertArtifactName(name: string): void {
  if (!name.trim() || /[":<>|*?\r\n\\/]/.test(name)) {
    throw new UserError(
      `artifact name '${name}' is invalid: it must not be empty nor contain " : < > | * ? \\ / or line breaks`,
    );
  }
}
