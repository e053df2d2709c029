// Module hooks (https://nodejs.org/api/module.html#customization-hooks) for register.mjs.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.MQG_LOAD_LOG) appendFileSync(process.env.MQG_LOAD_LOG, `${result.url}\n`);
  return result;
}
