/**
 * The CLI: `ml-quality-gate <stage> --name value …` outside GitHub. dist/cli/index.js (written by
 * scripts/package.mjs) loads the action's bundle with the CLI chosen; src/index.ts then imports this
 * module and calls runCli. One bundle for both: the CLI shares every chunk with the action.
 */
import { UserError } from './errors.js';
import { cliSink } from './report/cli-sink.js';
import { addMask } from './report/mask.js';
import { reportError } from './report/reporter.js';
import { runAndReport } from './run.js';
import { inputSecrets } from './secrets.js';
import { Inputs, Outputs, STAGES, type StageName } from './constants.js';
import { INPUT_NAMES } from './settings.js';
import { common, STAGE_DEFS } from './stage-defs/index.js';

/** Flags as `--name`, wrapped to lines of about 100 characters, each line indented by `indent`. */
function flagLines(names: readonly string[], indent: string): string {
  const lines: string[] = [];
  for (const flag of names.map((n) => `--${n}`)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + flag.length < 100) lines[last] += ` ${flag}`;
    else lines.push(`${indent}${flag}`);
  }
  return lines.join('\n');
}

/** One stage's paragraph of the help: its description and its flags. */
const stageHelp = (stage: StageName) =>
  `  ${stage}: ${STAGE_DEFS[stage].description}\n${flagLines(Object.keys(STAGE_DEFS[stage].inputs), '    ')}`;

const COMMON_FLAGS = Object.keys(common.inputs).filter((n) => n !== Inputs.Stage);

/** The help: each stage's description and flags from its descriptor (src/stage-defs/). */
const USAGE = `Usage: ml-quality-gate <stage> [--<input> <value>]...

Runs a stage of the ml-quality-gate action outside GitHub Actions. Flags mirror the action's inputs;
a flag given several times (e.g. --metrics) is joined with newlines.

  stages:  ${STAGES.join(', ')}

${STAGES.map(stageHelp).join('\n')}
  every stage:
${flagLines(COMMON_FLAGS, '    ')}

Example:
  ml-quality-gate gate --metrics reports/metrics.json --thresholds gate.yml --baseline main-metrics.json

Prints the summary as Markdown. Exit code: 0 pass, 1 violation, 2 bad input.`;

/** Parses `<stage> --name value ...` into action inputs; unknown flags are bad input (main prints the usage). */
export function parseArgs(argv: string[]): Map<string, string> {
  const inputs = new Map<string, string>();
  const rest = [...argv];
  if (rest[0] && !rest[0].startsWith('-')) inputs.set(Inputs.Stage, rest.shift() as string);
  while (rest.length > 0) {
    const arg = rest.shift() as string;
    if (!arg.startsWith('--')) throw new UserError(`unexpected argument '${arg}'`);
    let name = arg.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    if (!(INPUT_NAMES as readonly string[]).includes(name)) throw new UserError(`unknown flag '--${name}'`);
    if (value === undefined) {
      if (rest.length === 0) throw new UserError(`flag '--${name}' needs a value`);
      value = rest.shift() as string;
    }
    const previous = inputs.get(name);
    inputs.set(name, previous === undefined ? value : `${previous}\n${value}`);
  }
  return inputs;
}

/** Runs the CLI on its arguments (without node and the script); resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const sink = cliSink();
  const workspace = process.cwd();
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  let inputs: Map<string, string>;
  try {
    inputs = parseArgs(argv);
  } catch (err) {
    const code = reportError(err, {}, workspace, sink);
    // The usage is the action's own text: printed as it is, not through an error's inert escaping.
    sink.info(`\n${USAGE}`);
    return code;
  }
  const input = (name: string) => (inputs.get(name) ?? '').trim();
  // Inside a workflow's `run:` step the runner reads our output too: mask secrets as the action does.
  if (process.env.GITHUB_ACTIONS === 'true') for (const secret of inputSecrets(input, process.env)) addMask(secret);
  const code = await runAndReport(input, { ...process.env, GITHUB_WORKSPACE: workspace }, sink);
  if (sink.outputs[Outputs.Report]) sink.info(`report: ${sink.outputs[Outputs.Report]}`);
  return code;
}
