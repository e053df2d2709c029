// Preloaded by lib.mjs (--import): writes the process's peak RSS (KB) and CPU time (µs, user +
// system, every thread) to $MQG_RSS_FILE at exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.MQG_RSS_FILE, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}`);
});
