/**
 * The one place the action runs git: named operations on one repository, in the manner of
 * actions/checkout's `IGitCommandManager`. Every call is bounded: network calls (fetch, push,
 * ls-remote) by a timeout, after which git is killed and an OperationalError names the remote
 * (its URL without credentials); local calls by a longer one; output by a byte cap. `try*`
 * operations are best effort and return undefined instead of failing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { debug, reason } from '../debug.js';
import { OperationalError } from '../errors.js';
import { scrubUrlCredentials } from '../secrets.js';

/** Seconds a network call may take: ML_QUALITY_GATE_GIT_TIMEOUT overrides (tests, slow remotes). */
export const DEFAULT_NETWORK_TIMEOUT_S = 120;
const LOCAL_TIMEOUT_S = 300;
/** Output kept from one git call; beyond it the call fails (a registry with ~500 000 tags). */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

interface RunOptions {
  /** The call talks to this remote: network timeout, and failures name it. */
  remote?: string;
  /** Return a non-zero exit instead of throwing. */
  allowFailure?: boolean;
  input?: string;
  env?: Record<string, string>;
}

/** A ref as `for-each-ref` lists it. */
export interface TagRef {
  name: string;
  /** The tag object (annotated) or the commit (lightweight). */
  object: string;
  /** 'tag' for an annotated tag. */
  type: string;
}

/** A tag on a remote as `ls-remote` lists it: the ref's object and, for an annotated tag, what it peels to. */
export interface RemoteTag {
  name: string;
  object: string;
  peeled?: string;
}

/** A raw git object read with `cat-file --batch`. */
export interface RawObject {
  type: string;
  raw: Buffer;
}

export interface PushLine {
  ref: string;
  flag: string;
  summary: string;
}

export class GitClient {
  readonly networkTimeoutMs: number;

  /**
   * @example
   * const git = new GitClient('/repo');
   * await git.revParseCommit('HEAD'); // '3f2a…'
   */
  constructor(
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    const seconds = Number(env.ML_QUALITY_GATE_GIT_TIMEOUT);
    this.networkTimeoutMs = (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_NETWORK_TIMEOUT_S) * 1000;
  }

  /** True when `dir` is inside a git work tree or repository. */
  async isRepository(): Promise<boolean> {
    return (await this.run(['rev-parse', '--git-dir'], { allowFailure: true })).code === 0;
  }

  /** The commit a ref names; undefined when it names none. */
  async tryRevParseCommit(ref: string): Promise<string | undefined> {
    const out = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
      allowFailure: true,
    });
    return out.code === 0 ? text(out).trim() : undefined;
  }

  async revParseCommit(ref: string): Promise<string> {
    const commit = await this.tryRevParseCommit(ref);
    if (!commit) throw new OperationalError(`'${ref}' is not a commit in ${this.dir}`);
    return commit;
  }

  /** Committer time (unix seconds) of a commit. */
  async commitTime(commit: string): Promise<number> {
    return Number(text(await this.run(['show', '-s', '--format=%ct', commit, '--'])).trim());
  }

  /** The object a tag ref points at now; undefined when there is no such tag. */
  async tryTagObject(name: string): Promise<string | undefined> {
    const out = await this.run(['rev-parse', '--verify', '--quiet', `refs/tags/${name}`], { allowFailure: true });
    return out.code === 0 ? text(out).trim() : undefined;
  }

  async tryConfig(key: string): Promise<string | undefined> {
    const out = await this.run(['config', '--get', key], { allowFailure: true });
    return out.code === 0 ? text(out).trim() || undefined : undefined;
  }

  /** The remote's URL as configured; undefined when there is no such remote. */
  async tryRemoteUrl(remote: string): Promise<string | undefined> {
    const out = await this.run(['remote', 'get-url', remote], { allowFailure: true });
    return out.code === 0 ? text(out).trim() : undefined;
  }

  /** git's own rules for a ref name (`git check-ref-format`). */
  async isValidRefName(ref: string): Promise<boolean> {
    return (await this.run(['check-ref-format', ref], { allowFailure: true })).code === 0;
  }

  /** Whether git tracks `file` (committed or staged): such a file came with the branch, not from this job. */
  async isTracked(file: string): Promise<boolean> {
    return (await this.run(['ls-files', '--error-unmatch', '--', file], { allowFailure: true })).code === 0;
  }

  /** Every tag ref: name, object and object type. */
  async listTags(): Promise<TagRef[]> {
    const out = await this.run(['for-each-ref', '--format=%(objectname) %(objecttype) %(refname)', 'refs/tags']);
    return lines(text(out)).map((line) => {
      const [object, type, ...ref] = line.split(' ');
      return { object, type, name: ref.join(' ').slice('refs/tags/'.length) };
    });
  }

  /**
   * Raw objects by id (`cat-file --batch`), those over `maxBytes` left out (their size is in
   * `oversized`); missing ids are absent from the map.
   */
  async readObjects(
    ids: string[],
    maxBytes: number,
  ): Promise<{ objects: Map<string, RawObject>; oversized: Map<string, number> }> {
    const objects = new Map<string, RawObject>();
    const oversized = new Map<string, number>();
    const unique = [...new Set(ids)];
    if (!unique.length) return { objects, oversized };
    const check = await this.run(['cat-file', '--batch-check'], { input: unique.join('\n') + '\n' });
    const wanted: string[] = [];
    for (const line of lines(text(check))) {
      const [id, type, size] = line.split(' ');
      if (type === 'missing' || size === undefined) continue;
      if (Number(size) > maxBytes) oversized.set(id, Number(size));
      else wanted.push(id);
    }
    if (!wanted.length) return { objects, oversized };
    const out = (await this.run(['cat-file', '--batch'], { input: wanted.join('\n') + '\n' })).stdout;
    let at = 0;
    while (at < out.length) {
      const eol = out.indexOf(10, at);
      const [id, type, size] = out.subarray(at, eol).toString('utf8').split(' ');
      const start = eol + 1;
      const end = start + Number(size);
      objects.set(id, { type, raw: out.subarray(start, end) });
      at = end + 1;
    }
    return { objects, oversized };
  }

  /**
   * The bytes of `path` (repository-relative, forward slashes) as committed at `commit`, like
   * `git show <commit>:<path>` but bounded: `missing` when the commit has no such file (or it is
   * no regular file), `oversized` (with its size) when it is over `maxBytes`.
   *
   * @example
   * const r = await git.tryShowFile(commit, 'eval/predictions.csv', 64 << 20);
   * if (r.kind === 'file') r.raw; // Buffer
   */
  async tryShowFile(
    commit: string,
    path: string,
    maxBytes: number,
  ): Promise<{ kind: 'file'; raw: Buffer } | { kind: 'missing' } | { kind: 'oversized'; size: number }> {
    const spec = `${commit}:${path}`;
    const id = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', spec], { allowFailure: true });
    if (id.code !== 0) return { kind: 'missing' };
    const blob = text(id).trim();
    const { objects, oversized } = await this.readObjects([blob], maxBytes);
    const size = oversized.get(blob);
    if (size !== undefined) return { kind: 'oversized', size };
    const object = objects.get(blob);
    return object?.type === 'blob' ? { kind: 'file', raw: object.raw } : { kind: 'missing' };
  }

  /**
   * `git tag -a` at `commit`, the message kept verbatim (the default cleanup would drop lines
   * starting with '#'), the tagger date `date` (unix seconds) when given. Returns the tag object.
   */
  async createAnnotatedTag(
    name: string,
    commit: string,
    message: string,
    options: { identity?: string[]; date?: number } = {},
  ): Promise<string> {
    const env = options.date === undefined ? undefined : { GIT_COMMITTER_DATE: `${options.date} +0000` };
    await this.run([...(options.identity ?? []), 'tag', '-a', '--cleanup=verbatim', '-F', '-', name, commit], {
      input: message,
      env,
    });
    const object = await this.tryTagObject(name);
    if (!object) throw new OperationalError(`git created tag ${name}, but it cannot be read back`);
    return object;
  }

  async deleteTag(name: string): Promise<void> {
    await this.run(['tag', '-d', name]);
  }

  /** Brings the remote's tags in, replacing local tags of the same name. */
  async fetchTags(remote: string): Promise<void> {
    await this.run(['fetch', '--quiet', '--no-recurse-submodules', '--tags', '--force', remote], { remote });
  }

  /** The remote's tags, names and objects only (nothing fetched). */
  async lsRemoteTags(remote: string): Promise<RemoteTag[]> {
    const out = await this.run(['ls-remote', '--tags', remote], { remote });
    const tags = new Map<string, RemoteTag>();
    for (const line of lines(text(out))) {
      const [object, ref] = line.split('\t');
      if (!ref?.startsWith('refs/tags/')) continue;
      const name = ref.slice('refs/tags/'.length);
      if (name.endsWith('^{}')) {
        const tag = tags.get(name.slice(0, -3));
        if (tag) tag.peeled = object;
      } else tags.set(name, { name, object });
    }
    return [...tags.values()];
  }

  /**
   * One atomic push of `refs` (`src:dst`): whether git succeeded, its porcelain line per ref and the
   * end of its message. A remote that does not answer in time is an OperationalError.
   */
  async pushAtomic(remote: string, refs: string[]): Promise<{ ok: boolean; lines: PushLine[]; message: string }> {
    const out = await this.run(['push', '--atomic', '--porcelain', '--no-verify', remote, ...refs], {
      remote,
      allowFailure: true,
    });
    const pushed = lines(text(out))
      .filter((l) => /^[ +\-*=!]\t/.test(l))
      .map((l) => {
        const [flag, ref, summary] = l.split('\t');
        return { flag, ref: ref ?? '', summary: summary ?? '' };
      });
    return { ok: out.code === 0, lines: pushed, message: lastLines(out.stderr) };
  }

  /** `'origin' (https://github.com/o/r)`: how errors name a remote, credentials removed. */
  async describeRemote(remote: string): Promise<string> {
    const out = await spawnGit(['remote', 'get-url', remote], this.dir, this.env, 10_000);
    const url = typeof out === 'object' && out.code === 0 ? text(out).trim() : '';
    return url && url !== remote ? `'${remote}' (${withoutCredentials(url)})` : `'${withoutCredentials(remote)}'`;
  }

  /** Runs git in the repository; the single place the action starts git. */
  private async run(args: string[], options: RunOptions = {}): Promise<GitResult> {
    const timeoutMs = options.remote ? this.networkTimeoutMs : LOCAL_TIMEOUT_S * 1000;
    const env: NodeJS.ProcessEnv = {
      ...this.env,
      ...options.env,
      // Never wait for a password or a host key prompt: there is nobody to answer.
      GIT_TERMINAL_PROMPT: '0',
      GCM_INTERACTIVE: 'never',
      GIT_SSH_COMMAND: this.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes',
    };
    const out = await spawnGit(args, this.dir, env, timeoutMs, options.input);
    if (out === 'timeout') {
      const what = options.remote
        ? `${NETWORK_VERBS[args[0]] ?? `git ${args[0]} with`} ${await this.describeRemote(options.remote)}`
        : `git ${args[0]}`;
      throw new OperationalError(
        `${what}: no answer within ${timeoutMs / 1000} s, git was stopped (ML_QUALITY_GATE_GIT_TIMEOUT sets the limit in seconds)`,
      );
    }
    if (out === 'overflow') throw new OperationalError(`git ${args[0]} wrote more than ${MAX_OUTPUT_BYTES} bytes`);
    if (out.code !== 0 && !options.allowFailure) {
      const where = options.remote ? `with ${await this.describeRemote(options.remote)}` : `in ${this.dir}`;
      throw new OperationalError(`git ${args[0]} failed ${where}: ${lastLines(out.stderr)}`);
    }
    // Allowed to fail (a try* call, a check whose "no" is its answer): said at debug level.
    if (out.code !== 0)
      debug(`git ${args.join(' ')} failed (exit ${out.code}) in ${this.dir}: ${lastLines(out.stderr)}`);
    return out;
  }
}

const NETWORK_VERBS: Record<string, string> = {
  fetch: 'fetching tags from',
  push: 'pushing tags to',
  'ls-remote': 'listing the tags of',
};

/**
 * A URL without user name, password or token; other remotes (paths, scp-like `git@host:repo`) as
 * they are.
 *
 * @example
 * withoutCredentials('https://x-access-token:ghs_abc@github.com/o/r') // 'https://github.com/o/r'
 */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

function spawnGit(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  input?: string,
): Promise<GitResult | 'timeout' | 'overflow'> {
  return new Promise((resolve, reject) => {
    // Its own process group on POSIX: a timeout stops git and the helpers it started (ssh,
    // remote-http). Windows has no groups (and `detached` would open a console): see stopTree().
    const child = spawn('git', args, {
      cwd,
      env,
      detached: process.platform !== 'win32',
      windowsHide: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let ended: 'timeout' | 'overflow' | undefined;
    const stop = (why: 'timeout' | 'overflow') => {
      ended ??= why;
      stopTree(child);
    };
    const timer = setTimeout(() => stop('timeout'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) stop('overflow');
      else stdout.push(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new OperationalError(`could not run git: ${e.message}`, { cause: e }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(ended ?? { code: code ?? 1, stdout: Buffer.concat(stdout), stderr });
    });
    // git may exit before reading its input (EPIPE, a race with every short command): its exit
    // code says what happened, so only another write error is worth a debug line.
    child.stdin.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') debug(`git ${args[0]}: writing its input failed: ${e.message}`);
    });
    child.stdin.end(input ?? '');
  });
}

/**
 * How a git that overran is stopped with the helpers it started, on `platform`: its process group
 * (POSIX), or `taskkill /T /F` of its process tree (Windows, where killing git alone would leave
 * git-remote-https holding the pipes open).
 *
 * @example
 * stopCommand(4242, 'win32') // ['taskkill', ['/pid', '4242', '/T', '/F']]
 * stopCommand(4242, 'linux') // 'group'
 */
export function stopCommand(pid: number, platform: NodeJS.Platform): [string, string[]] | 'group' {
  return platform === 'win32' ? ['taskkill', ['/pid', String(pid), '/T', '/F']] : 'group';
}

/** Stops git and its helpers (stopCommand); git alone when that cannot be done. */
function stopTree(child: ChildProcess): void {
  const alone = () => child.kill('SIGKILL');
  const how = child.pid === undefined ? undefined : stopCommand(child.pid, process.platform);
  try {
    if (how === 'group') process.kill(-child.pid!, 'SIGKILL');
    else if (how) {
      spawn(how[0], how[1], { stdio: 'ignore', windowsHide: true })
        .on('error', alone)
        .on('exit', (code) => code === 0 || alone());
    } else alone();
  } catch (e) {
    debug(`stopping git's process group failed (${reason(e)}): stopping git alone`);
    alone();
  }
}

function text(out: GitResult): string {
  return out.stdout.toString('utf8');
}

/**
 * The non-empty lines of git's output. A line may end in CR LF (git on Windows through a wrapper,
 * a CRLF-converting console): a ref name cannot hold a CR, so it is never part of a value.
 *
 * @example
 * lines('a x\r\nb y\n') // ['a x', 'b y']
 */
export function lines(s: string): string[] {
  return s.split(/\r?\n/).filter((l) => l.length > 0);
}

/** The end of git's message, any credentials in URLs it quotes removed. */
function lastLines(stderr: string): string {
  return scrubUrlCredentials(stderr.trim().split(/\r?\n/).slice(-3).join(' ').slice(0, 500) || 'no message');
}
