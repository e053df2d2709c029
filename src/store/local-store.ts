/**
 * Stores off a GitHub runner: artifacts in a directory (the `store-dir` input, default
 * `.ml-quality-gate/`), `artifacts/<name>/<relative path>`; the cache in a directory outside the
 * workspace (cache-dir.ts), `<encoded key>/{data,meta.json}`.
 */
import { debug, reason } from '../debug.js';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { within } from '../files/workspace.js';
import {
  assertArtifactName,
  assertCacheKey,
  type ArtifactStore,
  type MetricsCache,
  type UploadResult,
} from './types.js';
import { LOCAL_DIR } from '../local-dir.js';

export class LocalArtifactStore implements ArtifactStore {
  constructor(private readonly dir: string = LOCAL_DIR) {}

  async upload(name: string, files: string[], rootDir: string): Promise<UploadResult> {
    assertArtifactName(name);
    if (!files.length) throw new UserError(`artifact '${name}' has no files to upload`);
    const target = resolve(this.dir, 'artifacts', name);
    // A new upload of the same name replaces the previous one (local runs are repeated).
    await rm(target, { recursive: true, force: true });
    for (const file of files) {
      const root = resolve(rootDir);
      if (!within(root, resolve(root, file))) throw new UserError(`artifact file ${file} is not under ${rootDir}`);
      const rel = relative(root, resolve(root, file));
      await mkdir(dirname(join(target, rel)), { recursive: true });
      await copyFile(resolve(rootDir, file), join(target, rel)).catch((e: NodeJS.ErrnoException) => {
        throw e.code === 'ENOENT' ? new UserError(`artifact file not found: ${file}`) : e;
      });
    }
    return { id: name, location: target };
  }
}

export class LocalMetricsCache implements MetricsCache {
  /** @param dir the cache's own directory, outside the workspace (see cache-dir.ts) */
  constructor(readonly dir: string) {}

  async save(key: string, data: Buffer): Promise<boolean> {
    assertCacheKey(key);
    const entry = join(this.dir, encodeKey(key));
    if (await exists(entry)) return false;
    // Written aside then renamed, so a reader never sees half an entry.
    const staging = `${entry}.tmp-${process.pid}-${Date.now()}`;
    await mkdir(staging, { recursive: true });
    try {
      await writeFile(join(staging, 'data'), data);
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

  async restore(key: string, maxBytes: number): Promise<Buffer | undefined> {
    assertCacheKey(key);
    const entry = join(this.dir, encodeKey(key));
    try {
      const meta = JSON.parse(await readFile(join(entry, 'meta.json'), 'utf8')) as { key?: unknown };
      if (meta.key !== key) return undefined;
      // Opened once, regular files only, size checked before reading: nothing in here is trusted.
      const handle = await open(join(entry, 'data'), 'r');
      try {
        const st = await handle.stat();
        if (!st.isFile() || st.size > maxBytes) return undefined;
        return await handle.readFile();
      } finally {
        await handle.close();
      }
    } catch (e) {
      // No entry under the key is the usual miss, not a failure.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') debug(`local cache entry ${key} not read: ${reason(e)}`);
      return undefined;
    }
  }

  /** Keys of the complete entries (tests, housekeeping). */
  async keys(): Promise<string[]> {
    // No folder yet: no entries.
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const keys: string[] = [];
    for (const name of names.filter((n) => !n.includes('.tmp-'))) {
      // An entry being written (or left half-written) has no meta.json: not an entry.
      const meta = await readFile(join(this.dir, name, 'meta.json'), 'utf8').catch(() => undefined);
      const key = meta && (JSON.parse(meta) as { key?: unknown }).key;
      if (typeof key === 'string') keys.push(key);
    }
    return keys;
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
