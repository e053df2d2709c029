/**
 * Stores through GitHub's services on a runner: @actions/artifact (`uploadArtifact`) and
 * @actions/cache (`saveCache`/`restoreCache`). The toolkit modules are imported only when first
 * used, to keep the action's start-up fast; tests may pass their own client.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import {
  assertArtifactName,
  assertCacheKey,
  type ArtifactStore,
  type MetricsCache,
  type UploadResult,
} from './types.js';

/** The part of @actions/artifact's client we use. */
export interface ArtifactClientLike {
  uploadArtifact(
    name: string,
    files: string[],
    rootDirectory: string,
    options?: { retentionDays?: number },
  ): Promise<{ id?: number }>;
}

/** The part of @actions/cache we use. */
export interface CacheClientLike {
  saveCache(paths: string[], key: string): Promise<number>;
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>;
}

export interface RunnerArtifactOptions {
  /** 1 to 90 days; the repository's default when unset. */
  retentionDays?: number;
  /** GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_RUN_ID build the artifact's URL. */
  env?: NodeJS.ProcessEnv;
  loadClient?: () => Promise<ArtifactClientLike>;
}

export class RunnerArtifactStore implements ArtifactStore {
  private client?: Promise<ArtifactClientLike>;

  constructor(private readonly options: RunnerArtifactOptions = {}) {}

  async upload(name: string, files: string[], rootDir: string): Promise<UploadResult> {
    assertArtifactName(name);
    this.client ??= (this.options.loadClient ?? loadArtifactClient)();
    const retention = this.options.retentionDays ? { retentionDays: this.options.retentionDays } : {};
    const { id } = await (await this.client).uploadArtifact(name, files, rootDir, retention);
    if (id === undefined) throw new UserError(`artifact '${name}' was not uploaded (no files?)`);
    return { id, location: artifactUrl(this.options.env ?? process.env, id) ?? `artifact ${id} (${name})` };
  }
}

export class RunnerMetricsCache implements MetricsCache {
  private client?: Promise<CacheClientLike>;

  constructor(
    private readonly loadClient: () => Promise<CacheClientLike> = () => import('@actions/cache'),
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  async save(key: string, data: Buffer): Promise<boolean> {
    assertCacheKey(key);
    const file = this.fileOf(key);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, data);
    try {
      // saveCache returns -1 when the entry was not saved (e.g. another job is saving the same key).
      return (await (await this.cache()).saveCache([file], key)) !== -1;
    } finally {
      await rm(file, { force: true });
    }
  }

  async restore(key: string, maxBytes: number): Promise<Buffer | undefined> {
    assertCacheKey(key);
    const file = this.fileOf(key);
    try {
      // No restore keys: only the exact entry is this key's.
      if ((await (await this.cache()).restoreCache([file], key)) !== key) return undefined;
      const handle = await open(file, 'r');
      try {
        const st = await handle.stat();
        return st.isFile() && st.size <= maxBytes ? await handle.readFile() : undefined;
      } finally {
        await handle.close();
      }
    } finally {
      await rm(file, { force: true });
    }
  }

  /**
   * The file @actions/cache archives: outside the workspace, and the same path for the same key on
   * both sides (the path is part of the cache's version).
   */
  private fileOf(key: string): string {
    const name = createHash('sha256').update(key).digest('hex').slice(0, 24);
    return join(this.env.RUNNER_TEMP || tmpdir(), 'ml-quality-gate-cache', name);
  }

  private cache(): Promise<CacheClientLike> {
    return (this.client ??= this.loadClient());
  }
}

async function loadArtifactClient(): Promise<ArtifactClientLike> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient();
}

/** The artifact's page: <server>/<owner>/<repo>/actions/runs/<run id>/artifacts/<id>. */
function artifactUrl(env: NodeJS.ProcessEnv, id: number): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}/artifacts/${id}` : undefined;
}
