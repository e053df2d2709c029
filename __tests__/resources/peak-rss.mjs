// Preloaded into the action under test (node --import): writes the process's peak resident set
// size (getrusage ru_maxrss, kB, worker threads included) to $MLQG_PEAK_RSS_FILE when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.MLQG_PEAK_RSS_FILE)
    writeFileSync(process.env.MLQG_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
