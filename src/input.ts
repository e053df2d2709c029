// A leaf module (no imports): src/prestart.ts reads the stage with it before the rest loads.

/**
 * An input of the step, as @actions/core's getInput reads it (INPUT_<NAME>, spaces as `_`,
 * upper case; trimmed; '' when absent), without loading @actions/core.
 *
 * @example
 * getInput('drift-config') // process.env['INPUT_DRIFT-CONFIG'], trimmed
 */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}
