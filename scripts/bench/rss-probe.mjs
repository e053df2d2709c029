// Preloaded by lib.mjs (--import): writes the process's peak RSS (KB) to $MQG_RSS_FILE at exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => writeFileSync(process.env.MQG_RSS_FILE, String(process.resourceUsage().maxRSS)));
