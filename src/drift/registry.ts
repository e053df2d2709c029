/**
 * The drift methods, by name — as Evidently's stattest registry
 * (`evidently/legacy/calculations/stattests/registry.py`). Each method is one file in methods/
 * (declaration and both implementations, see method.ts); this list is the only other place that
 * names it. Its order is the order messages and docs list the methods in.
 */
import type { DriftMethod } from './method.js';
import { chi2 } from './methods/chi2.js';
import { jensenshannon } from './methods/jensenshannon.js';
import { ks } from './methods/ks.js';
import { meanShift } from './methods/mean-shift.js';
import { psi } from './methods/psi.js';
import { wasserstein } from './methods/wasserstein.js';
import { z } from './methods/z.js';

const LIST = [ks, chi2, z, wasserstein, psi, jensenshannon, meanShift] as const;

export type DriftMethodName = (typeof LIST)[number]['name'];

/** Every registered method, in order. */
export const METHODS: readonly DriftMethod<DriftMethodName>[] = LIST;

/** Every registered name, in order (`drift-method` takes these and `auto`). */
export const METHOD_NAMES: readonly DriftMethodName[] = LIST.map((m) => m.name);

const BY_NAME = new Map<string, DriftMethod<DriftMethodName>>(LIST.map((m) => [m.name, m]));

/**
 * The method registered under `name`, or undefined for an unknown name (e.g. from user config).
 * @example findMethod('ks')?.defaultThreshold // 0.05
 */
export function findMethod(name: string): DriftMethod<DriftMethodName> | undefined {
  return BY_NAME.get(name);
}

/** The method of a name known to be registered. */
export function getMethod(name: DriftMethodName): DriftMethod<DriftMethodName> {
  return BY_NAME.get(name) as DriftMethod<DriftMethodName>;
}

/**
 * The registered names for a message.
 * @example methodList() // 'ks, chi2, z, wasserstein, psi, jensenshannon or mean-shift'
 */
export function methodList(): string {
  return `${METHOD_NAMES.slice(0, -1).join(', ')} or ${METHOD_NAMES[METHOD_NAMES.length - 1]}`;
}
