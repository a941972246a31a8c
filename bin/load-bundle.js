'use strict';
// Loads the bundled CLI (a CommonJS module body, already inside its function wrapper) with the V8
// code cache the build made from it: without the cache, compiling the bundle is about a third of a
// run's start-up. V8 rejects a cache made by another Node version and the bundle then compiles as
// usual. V8 does not check the cache's bytes, though (a damaged cache is a fatal crash), nor the
// source beyond its length: so the cache file starts with the CRC-32 of the bundle it was made from
// and of its own data, and is used only when both match.
//
// A run that names no command (`--version`, `--help`) uses a cache of its own, recorded by such runs
// alone: V8 reads a whole cache before anything runs, and the commands' cache is several times the
// size of what these runs use.
//
// The rarely used parts of the CLI (scripts/split.mjs) are files of their own beside the bundle,
// loaded the same way when a run first needs one. A part is loaded after the compiler flags are set
// (bin/compiler-tuning.js), and V8 rejects a cache made under other flags: so a part's cache file is
// named after the flags it was made under.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const { crc32 } = require('node:zlib');
const { appliedCompilerFlags, commandOf } = require('./compiler-tuning.js');

const DIST = join(__dirname, '..', 'dist');
const BUNDLE = join(DIST, 'pm-diag.cjs');
const HEADER = 8;

/** The cache's data when it was made from exactly this source and is intact; otherwise nothing. */
function readCache(cacheFile, source) {
  let file;
  try {
    file = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (file.length <= HEADER) return undefined;
  const data = file.subarray(HEADER);
  return file.readUInt32LE(0) === crc32(source) && file.readUInt32LE(4) === crc32(data) ? data : undefined;
}

/** Compiles one bundle file with its cache, if that is intact, and runs its wrapper with `args`. */
function run(file, cacheFile, module, ...args) {
  const source = readFileSync(file);
  const cachedData = readCache(cacheFile, source);
  const script = new Script(source.toString('utf8'), { filename: file, cachedData });
  script.runInThisContext()(module.exports, require, module, file, DIST, ...args);
  return {
    /** Whether V8 took the cache (for the tests and the benchmark's honesty). */
    usedCache: cachedData !== undefined && !script.cachedDataRejected,
    /** Build step: record what this process compiled, for the next runs. */
    saveCache() {
      const data = script.createCachedData();
      const header = Buffer.alloc(HEADER);
      header.writeUInt32LE(crc32(source), 0);
      header.writeUInt32LE(crc32(data), 4);
      writeFileSync(`${cacheFile}.tmp`, Buffer.concat([header, data]));
      renameSync(`${cacheFile}.tmp`, cacheFile);
    },
  };
}

/** The cache file of a part under the compiler flags this process runs with. */
function partCacheFile(file) {
  const flags = appliedCompilerFlags();
  return flags.length === 0 ? `${file}.cache` : `${file}.${crc32(flags.join(' ')).toString(16)}.cache`;
}

/** The bundle's cache for a run with these arguments. */
const bundleCacheFile = (args) => (commandOf(args) === undefined ? `${BUNDLE}.bare.cache` : `${BUNDLE}.cache`);

function loadBundle(args = []) {
  /** The parts this process loaded, by file name: their exports and their cache. */
  const parts = new Map();
  function loadPart(name, host) {
    let part = parts.get(name);
    if (part === undefined) {
      // Registered before it runs: two parts that use each other's modules get the one copy.
      part = { module: { exports: {} } };
      parts.set(name, part);
      const file = join(DIST, name);
      Object.assign(part, run(file, partCacheFile(file), part.module, host));
    }
    return part.module.exports;
  }
  const module = { exports: {} };
  const bundle = run(BUNDLE, bundleCacheFile(args), module, loadPart);
  return { main: module.exports.main, usedCache: bundle.usedCache, saveCache: bundle.saveCache, parts };
}

module.exports = { loadBundle };
