/**
 * The built action with the runner's step debug logging on (RUNNER_DEBUG=1, what ACTIONS_STEP_DEBUG
 * gives a step): best-effort failures of a promotion are `::debug::` lines, without the secrets of
 * the inputs; with debug off there are none.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../../scripts/lib/run-action.mjs';
import { commitModel, gitFixture, PROMOTE_INPUTS, RULES, type Fixture } from '../promote/helpers.js';

let fx: Fixture;
beforeEach(() => {
  fx = gitFixture();
});
afterEach(() => fx.cleanup());

/** A path part of the webhook URL: masked (secrets.ts webhookSecrets), so never in a debug line. */
const SECRET = 'Zq81x9Kp';
const INPUTS = {
  ...PROMOTE_INPUTS,
  thresholds: RULES,
  'notify-webhook': `https://hooks.example.com/services/T0AB/B0CD/${SECRET}`,
};

/** A promotion whose runner temp holds a validate report that is not JSON and quotes the secret. */
function promote(runnerDebug: string) {
  const repo = fx.clone('a');
  commitModel(repo, { accuracy: 0.86, eval_loss: 0.4, f1: 0.8 });
  const runnerTemp = join(fx.root, `runner-temp-${runnerDebug || 'off'}`);
  mkdirSync(runnerTemp);
  writeFileSync(join(runnerTemp, 'ml-quality-gate-validate.json'), SECRET);
  const env = { XDG_CACHE_HOME: join(fx.root, 'xdg'), RUNNER_TEMP: runnerTemp, RUNNER_DEBUG: runnerDebug };
  return runAction(INPUTS, repo, env);
}

test('RUNNER_DEBUG=1: ::debug:: lines name the best-effort failures, never a secret', () => {
  const run = promote('1');
  expect(run.errors).toEqual([]);
  expect(run.outputs.promoted).toBe('true');
  const lines = run.commands.filter((c) => c.command === 'debug').map((c) => c.data);
  // No user configured (the fixture has no global git config): the tagger falls back, said at debug.
  expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^git config --get user\.name failed/)]));
  // The report is left off the model card; the parser's message quoted the secret, which is scrubbed.
  const report = lines.find((l) => l.startsWith('the validate report'));
  expect(report).toMatch(/ml-quality-gate-validate\.json is left off the model card: .*\*\*\*.*not valid JSON/);
  // The secret reaches the log only in the runner's own mask command.
  const others = run.commands.filter((c) => c.command !== 'add-mask');
  expect(others.filter((c) => c.data.includes(SECRET) || c.located.includes(SECRET))).toEqual([]);
  expect(run.stdout.split('\n').filter((l) => l.includes(SECRET) && !l.startsWith('::add-mask::'))).toEqual([]);
});

test('debug off (the default): no ::debug:: line', () => {
  const run = promote('');
  expect(run.outputs.promoted).toBe('true');
  expect(run.commands.filter((c) => c.command === 'debug')).toEqual([]);
});
