// Preloaded into the action under test (node --import): writes the process's peak resident set
// size in kB to $MLQG_PEAK_RSS_FILE when it exits. VmHWM from /proc/self/status is this process's
// own peak (worker threads included); getrusage's maxRSS, the fallback off Linux, also counts the
// parent that spawned it, since Linux keeps it across exec.
import { readFileSync, writeFileSync } from 'node:fs';

function peakKb() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  if (process.env.MLQG_PEAK_RSS_FILE) writeFileSync(process.env.MLQG_PEAK_RSS_FILE, String(peakKb()));
});
