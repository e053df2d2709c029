export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
  /** `file:line:col: data` from the properties, as a reader sees the annotation. */
  located: string;
  /** The stream it was read from. */
  stream: 'stdout' | 'stderr';
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  commands: WorkflowCommand[];
  errors: WorkflowCommand[];
  warnings: WorkflowCommand[];
  /** runActionAsync with `timeoutMs`: the run was killed when it had not ended by then. */
  timedOut?: boolean;
}

export const ROOT: string;
export function tempDir(prefix?: string): string;
export function runAction(inputs: Record<string, string>, cwd: string, env?: Record<string, string>): ActionRun;
export function runActionAsync(
  inputs: Record<string, string>,
  cwd: string,
  env?: Record<string, string>,
  options?: { timeoutMs?: number },
): Promise<ActionRun>;
export function parseOutputFile(text: string): Record<string, string>;
export function parseCommands(text: string, stream: 'stdout' | 'stderr'): WorkflowCommand[];
export interface PreparedRun {
  outputFile: string;
  summaryFile: string;
  args: string[];
  options: { cwd: string; encoding: 'utf8'; env: Record<string, string> };
}
export function prepareRun(inputs: Record<string, string>, cwd?: string, env?: Record<string, string>): PreparedRun;
