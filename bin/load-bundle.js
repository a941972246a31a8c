'use strict';
// Loads the bundled CLI (a CommonJS module body, already inside its function wrapper) with the V8
// code cache the build made from it: without the cache, compiling the bundle is about a third of a
// run's start-up. V8 rejects a cache made by another Node version and the bundle then compiles as
// usual. V8 does not check the cache's bytes, though (a damaged cache is a fatal crash), nor the
// source beyond its length: so the cache file starts with the CRC-32 of the bundle it was made from
// and of its own data, and is used only when both match.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const { crc32 } = require('node:zlib');

const DIST = join(__dirname, '..', 'dist');
const BUNDLE = join(DIST, 'pm-diag.cjs');
const CACHE = `${BUNDLE}.cache`;
const HEADER = 8;

/** The cache's data when it was made from exactly this bundle and is intact; otherwise nothing. */
function readCache(source) {
  let file;
  try {
    file = readFileSync(CACHE);
  } catch {
    return undefined;
  }
  if (file.length <= HEADER) return undefined;
  const data = file.subarray(HEADER);
  return file.readUInt32LE(0) === crc32(source) && file.readUInt32LE(4) === crc32(data) ? data : undefined;
}

function loadBundle() {
  const source = readFileSync(BUNDLE);
  const cachedData = readCache(source);
  const script = new Script(source.toString('utf8'), { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, BUNDLE, DIST);
  return {
    main: module.exports.main,
    /** Whether V8 took the cache (for the tests and the benchmark's honesty). */
    usedCache: cachedData !== undefined && !script.cachedDataRejected,
    /** Build step: record what this process compiled, for the next runs. */
    saveCache() {
      const data = script.createCachedData();
      const header = Buffer.alloc(HEADER);
      header.writeUInt32LE(crc32(source), 0);
      header.writeUInt32LE(crc32(data), 4);
      writeFileSync(`${CACHE}.tmp`, Buffer.concat([header, data]));
      renameSync(`${CACHE}.tmp`, CACHE);
    },
  };
}

module.exports = { loadBundle };
