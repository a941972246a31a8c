'use strict';
// Preloaded by the start-up benchmark (node --require) to report the CPU time the process used, all
// its threads together, on file descriptor 3: on a shared, loaded machine the wall-clock time of a
// tenth-of-a-second run moves with the load, its CPU time much less.
const { writeSync } = require('node:fs');

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeSync(3, String((user + system) / 1000));
});
