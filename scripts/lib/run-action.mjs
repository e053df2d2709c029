/**
 * Runs the built action the way the runner does: `node dist/index.js` with INPUT_* variables from
 * action.yml (defaults filled in), real temp files for GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, and
 * stdout/stderr parsed for workflow commands with the runner's rules (including stop-commands).
 */
import { spawn, spawnSync } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ACTION = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));

export function tempDir(prefix = 'mqg-') {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Runs dist/index.js in `cwd` with the given inputs (names as in action.yml). */
export function runAction(inputs, cwd, env = {}) {
  const run = prepareRun(inputs, cwd, env);
  const res = spawnSync(process.execPath, run.args, run.options);
  return collect(run, res.status, res.stdout, res.stderr);
}

/**
 * The same, without blocking this process (for tests that serve HTTP to the action). With
 * `timeoutMs`, a run still going then is killed (by its PID) and comes back with `timedOut: true`:
 * a test of a hang fails instead of hanging.
 */
export function runActionAsync(inputs, cwd, env = {}, { timeoutMs } = {}) {
  const run = prepareRun(inputs, cwd, env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, run.args, run.options);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          process.kill(child.pid, 'SIGKILL');
        }, timeoutMs)
      : undefined;
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ...collect(run, code, stdout, stderr), timedOut });
    });
  });
}

/**
 * What the runner would set up for one step: INPUT_* from action.yml (defaults filled in), temp
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, RUNNER_TEMP; the command line of the action.
 */
export function prepareRun(inputs, cwd = ROOT, env = {}) {
  for (const name of Object.keys(inputs)) {
    if (!(name in ACTION.inputs)) throw new Error(`test passes input '${name}', which action.yml does not declare`);
  }
  const runnerTemp = tempDir('mqg-runner-');
  const outputFile = path.join(runnerTemp, 'github_output');
  const summaryFile = path.join(runnerTemp, 'step_summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputEnv = {};
  for (const [name, spec] of Object.entries(ACTION.inputs)) {
    inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
  }
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_') && !k.startsWith('ACTIONS_'),
    ),
  );
  return {
    outputFile,
    summaryFile,
    args: [path.join(ROOT, ACTION.runs.main)],
    options: {
      cwd,
      encoding: 'utf8',
      env: {
        ...clean,
        ...inputEnv,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: cwd,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: runnerTemp,
        ...env,
      },
    },
  };
}

function collect(run, code, stdout, stderr) {
  const commands = [...parseCommands(stdout, 'stdout'), ...parseCommands(stderr, 'stderr')];
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(run.outputFile, 'utf8')),
    summary: readFileSync(run.summaryFile, 'utf8'),
    commands,
    errors: commands.filter((c) => c.command === 'error'),
    warnings: commands.filter((c) => c.command === 'warning'),
  };
}

/** GITHUB_OUTPUT holds `name<<DELIM\nvalue\nDELIM` blocks (what core.setOutput writes). */
export function parseOutputFile(text) {
  const out = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!m) {
      if (lines[i].trim()) throw new Error(`unexpected GITHUB_OUTPUT line: ${lines[i]}`);
      continue;
    }
    const [, name, delim] = m;
    const value = [];
    for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]);
    if (i >= lines.length) throw new Error(`unterminated output ${name}`);
    out[name] = value.join('\n');
  }
  return out;
}

/** What a reader sees of an annotation: `file:line:col: message` (the runner links the file). */
function located({ file, line, col }, data) {
  return file ? `${file}${line ? `:${line}${col ? `:${col}` : ''}` : ''}: ${data}` : data;
}

const unescapeData = (s) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProp = (s) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/**
 * The runner's reading of a log: a line whose trimmed start is `::` is a command (`::name k=v,…::data`);
 * a line containing `##[name k=v;…]data` is a legacy command. After `::stop-commands::TOKEN` nothing is
 * a command until `::TOKEN::`.
 */
export function parseCommands(text, stream) {
  const out = [];
  let stopToken;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimStart();
    let cmd;
    const v2 = /^::([^\s:]+)(?:\s+([^:]*))?::(.*)$/.exec(line);
    if (v2) {
      const properties = {};
      for (const kv of (v2[2] ?? '').split(',').filter(Boolean)) {
        const eq = kv.indexOf('=');
        if (eq > 0) properties[kv.slice(0, eq)] = unescapeProp(kv.slice(eq + 1));
      }
      const data = unescapeData(v2[3]);
      cmd = { command: v2[1], properties, data, located: located(properties, data), stream };
    } else {
      const legacy = /##\[([^\s\]]+)([^\]]*)\](.*)$/.exec(raw);
      if (legacy) {
        cmd = {
          command: legacy[1],
          properties: { raw: legacy[2].trim() },
          data: legacy[3],
          located: legacy[3],
          stream,
        };
      }
    }
    if (!cmd) continue;
    if (stopToken !== undefined) {
      if (cmd.command === stopToken) stopToken = undefined;
      continue;
    }
    if (cmd.command === 'stop-commands') {
      stopToken = cmd.data;
      continue;
    }
    out.push(cmd);
  }
  return out;
}
