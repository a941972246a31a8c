// Preloaded by the benchmark (node --import) to record the process's peak memory when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.PM_DIAG_BENCH_RSS)
    writeFileSync(process.env.PM_DIAG_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
