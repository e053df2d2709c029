/**
 * Stores in a local directory (default `.ml-quality-gate/`) when not on a GitHub runner:
 * `artifacts/<name>/<relative path>` and `cache/<encoded key>/{data,meta.json}`.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../errors.js';
import {
  assertArtifactName,
  assertCacheKey,
  type ArtifactStore,
  type MetricsCache,
  type UploadResult,
} from './types.js';

export const DEFAULT_LOCAL_DIR = '.ml-quality-gate';

export class LocalArtifactStore implements ArtifactStore {
  constructor(private readonly dir: string = DEFAULT_LOCAL_DIR) {}

  async upload(name: string, files: string[], rootDir: string): Promise<UploadResult> {
    assertArtifactName(name);
    if (!files.length) throw new UserError(`artifact '${name}' has no files to upload`);
    const target = resolve(this.dir, 'artifacts', name);
    // A new upload of the same name replaces the previous one (local runs are repeated).
    await rm(target, { recursive: true, force: true });
    for (const file of files) {
      const rel = relative(resolve(rootDir), resolve(rootDir, file));
      if (rel.startsWith('..') || isAbsolute(rel)) throw new UserError(`artifact file ${file} is not under ${rootDir}`);
      await mkdir(dirname(join(target, rel)), { recursive: true });
      await copyFile(resolve(rootDir, file), join(target, rel)).catch((e: NodeJS.ErrnoException) => {
        throw e.code === 'ENOENT' ? new UserError(`artifact file not found: ${file}`) : e;
      });
    }
    return { id: name, location: target };
  }
}

export class LocalMetricsCache implements MetricsCache {
  constructor(private readonly dir: string = DEFAULT_LOCAL_DIR) {}

  async save(key: string, file: string): Promise<boolean> {
    assertCacheKey(key);
    const entry = join(this.root(), encodeKey(key));
    if (await exists(entry)) return false;
    // Written aside then renamed, so a reader never sees half an entry.
    const staging = `${entry}.tmp-${process.pid}-${Date.now()}`;
    await mkdir(staging, { recursive: true });
    try {
      await copyFile(file, join(staging, 'data')).catch((e: NodeJS.ErrnoException) => {
        throw e.code === 'ENOENT' ? new UserError(`file to cache not found: ${file}`) : e;
      });
      await writeFile(join(staging, 'meta.json'), JSON.stringify({ key }));
      await rename(staging, entry);
    } catch (e) {
      await rm(staging, { recursive: true, force: true });
      if ((e as NodeJS.ErrnoException).code === 'ENOTEMPTY' || (e as NodeJS.ErrnoException).code === 'EEXIST')
        return false;
      throw e;
    }
    return true;
  }

  async restore(keyPrefix: string, file: string): Promise<string | undefined> {
    assertCacheKey(keyPrefix);
    const entries = await this.entries();
    const hit =
      entries.find((e) => e.key === keyPrefix) ??
      entries.filter((e) => e.key.startsWith(keyPrefix)).sort((a, b) => b.savedAt - a.savedAt)[0];
    if (!hit) return undefined;
    await mkdir(dirname(resolve(file)), { recursive: true });
    await copyFile(join(hit.dir, 'data'), file);
    return hit.key;
  }

  private root(): string {
    return resolve(this.dir, 'cache');
  }

  /** Complete entries with their key and save time (meta.json is written fresh, so its mtime is the save time). */
  private async entries(): Promise<{ key: string; dir: string; savedAt: number }[]> {
    const names = await readdir(this.root()).catch(() => [] as string[]);
    const found = [];
    for (const name of names.filter((n) => !n.includes('.tmp-'))) {
      const dir = join(this.root(), name);
      try {
        const { key } = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as { key: string };
        found.push({ key, dir, savedAt: (await stat(join(dir, 'meta.json'))).mtimeMs });
      } catch {
        // Not one of our entries: ignored.
      }
    }
    return found;
  }
}

// Any key becomes one safe directory name: percent-encoded ('.' and '*' too, so no '..' and nothing
// Windows rejects), or its hash when that would exceed file name limits. meta.json keeps the key.
function encodeKey(key: string): string {
  const encoded = encodeURIComponent(key).replace(/\./g, '%2E').replace(/\*/g, '%2A');
  return encoded.length <= 200 ? encoded : `sha256-${createHash('sha256').update(key).digest('hex')}`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
