// Preloaded (`node --import`) into the API process that the fuzz test starts with
// FUZZ_API_PROCESS=1, for its memory measurement: on SIGUSR2 it appends the process's
// `process.memoryUsage()` as a JSON line to FUZZ_MEMORY_PROBE; with FUZZ_HEAP_SNAPSHOTS (a
// directory), SIGHUP writes a heap snapshot there. No `global.gc`: the API runs as in production.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';

const file = process.env.FUZZ_MEMORY_PROBE;
if (file) {
  let n = 0;
  process.on('SIGUSR2', () => {
    appendFileSync(file, `${JSON.stringify({ n: n++, at: Date.now(), ...process.memoryUsage() })}\n`);
  });
}
const snapshots = process.env.FUZZ_HEAP_SNAPSHOTS;
if (snapshots) {
  let s = 0;
  process.on('SIGHUP', () => {
    const path = v8.writeHeapSnapshot(join(snapshots, `api-${process.pid}-${s++}.heapsnapshot`));
    appendFileSync(join(snapshots, 'written.txt'), `${path}\n`);
  });
}
