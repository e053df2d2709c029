/**
 * Semantic Versioning 2.0.0 (https://semver.org) as GTO writes versions in tags: `v1.2.3`, optionally
 * `-prerelease` and `+build` (the pattern is GTO's `semver` in gto/constants.py).
 */
import { UserError } from '../errors.js';

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  /** Dot-separated identifiers after `-`; empty for a release. */
  prerelease: string[];
  /** Dot-separated identifiers after `+`; ignored by comparison. */
  build: string[];
}

export type Bump = 'major' | 'minor' | 'patch';

/** The version registered when a model has none yet. */
export const FIRST_VERSION = 'v0.1.0';

const ID = '(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)';
/** Source of the semver pattern without the `v` prefix, for use inside other patterns. */
export const SEMVER_PATTERN =
  `(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)` +
  `(?:-${ID}(?:\\.${ID})*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?`;

const SEMVER_RE = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([^+]+))?(?:\+(.+))?$/;
const FULL_RE = new RegExp(`^v?${SEMVER_PATTERN}$`);

/** Parses `v1.2.3` (the `v` is optional); undefined when the text is not a semantic version. */
export function parseSemVer(text: string): SemVer | undefined {
  if (!FULL_RE.test(text)) return undefined;
  const m = SEMVER_RE.exec(text)!;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    prerelease: m[4] ? m[4].split('.') : [],
    build: m[5] ? m[5].split('.') : [],
  };
}

/** Like parseSemVer, but a bad version is the user's error. */
export function requireSemVer(text: string): SemVer {
  const v = parseSemVer(text);
  if (!v) throw new UserError(`version '${text}' is not a semantic version like v1.2.3`);
  return v;
}

/** `v1.2.3[-pre][+build]`, the form GTO puts in tag names. */
export function formatSemVer(v: SemVer): string {
  const pre = v.prerelease.length ? `-${v.prerelease.join('.')}` : '';
  const build = v.build.length ? `+${v.build.join('.')}` : '';
  return `v${v.major}.${v.minor}.${v.patch}${pre}${build}`;
}

/** Precedence per semver.org §11: negative when a < b; build metadata is ignored. */
export function compareSemVer(a: SemVer, b: SemVer): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core) return Math.sign(core);
  // A release ranks above its prereleases.
  if (!a.prerelease.length || !b.prerelease.length) return Math.sign(b.prerelease.length - a.prerelease.length);
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const c = compareIdentifier(a.prerelease[i], b.prerelease[i]);
    if (c) return c;
  }
  return Math.sign(a.prerelease.length - b.prerelease.length);
}

function compareIdentifier(x: string, y: string): number {
  const xn = /^\d+$/.test(x);
  const yn = /^\d+$/.test(y);
  if (xn && yn) return Math.sign(Number(x) - Number(y));
  if (xn !== yn) return xn ? -1 : 1; // numeric identifiers rank below alphanumeric ones
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Next release: the bumped part + 1, lower parts 0; prerelease and build are dropped. */
export function bumpSemVer(v: SemVer, bump: Bump): SemVer {
  const next = { prerelease: [], build: [] };
  if (bump === 'major') return { major: v.major + 1, minor: 0, patch: 0, ...next };
  if (bump === 'minor') return { major: v.major, minor: v.minor + 1, patch: 0, ...next };
  return { major: v.major, minor: v.minor, patch: v.patch + 1, ...next };
}

/** The version after the greatest of `existing` (FIRST_VERSION when there is none). */
export function nextVersion(existing: string[], bump: Bump): string {
  const parsed = existing.map(parseSemVer).filter((v): v is SemVer => v !== undefined);
  if (!parsed.length) return FIRST_VERSION;
  const greatest = parsed.reduce((a, b) => (compareSemVer(a, b) >= 0 ? a : b));
  return formatSemVer(bumpSemVer(greatest, bump));
}
