'use strict';
// Loads the bundled CLI (a CommonJS module body, already inside its function wrapper) with the V8
// code cache the build made from it: without the cache, compiling the bundle is about a third of a
// run's start-up. V8 rejects a cache made by another Node version or under other flags, and the
// bundle then compiles as usual. Two things V8 does not check by default, so the loader makes sure:
// - The cache's bytes (a damaged cache is a fatal crash). V8 checks them when asked to
//   (`--verify-snapshot-checksum`), so the flag is on while a cache is read and while one is made,
//   and off again at once: V8 rejects a cache made under other flags, Node's own caches of its
//   internal modules included, and these are made without it.
// - The source beyond its length. The build ends each bundle file with an id of its content
//   (stampBuildId) and starts each of its caches with the same id: a cache is used only with the
//   build it was made from. Hashing the source on every run would also catch a bundle edited in
//   place at the same length, but needs node:zlib, which costs more to load than the rest of the
//   check (docs/startup.md, "Session 5").
//
// A run that names no command (`--version`, `--help`) uses a cache of its own, recorded by such runs
// alone: V8 reads a whole cache before anything runs, and the commands' cache is several times the
// size of what these runs use.
//
// The rarely used parts of the CLI (scripts/split.mjs) are files of their own beside the bundle,
// loaded the same way when a run first needs one. A part is loaded after the compiler flags are set
// (bin/compiler-tuning.js): so a part's cache file is named after the flags it was made under.
const { closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');
const { appliedCompilerFlags, commandOf } = require('./compiler-tuning.js');

const DIST = join(__dirname, '..', 'dist');
const BUNDLE = join(DIST, 'pm-diag.cjs');
const BUILD_ID_MARK = '\n// pm-diag build ';
const BUILD_ID_LENGTH = 16;
const TRAILER_LENGTH = BUILD_ID_MARK.length + BUILD_ID_LENGTH + 1;

/** The id stampBuildId wrote at the end of a bundle file, if it is there. */
function buildIdOf(source) {
  const trailer = source.toString('latin1', Math.max(0, source.length - TRAILER_LENGTH));
  return trailer.length === TRAILER_LENGTH && trailer.startsWith(BUILD_ID_MARK) && trailer.endsWith('\n') ? trailer.slice(BUILD_ID_MARK.length, -1) : undefined;
}

/** Build step: ends a bundle file with an id of its content (in place of an earlier one), which the caches made from it repeat. */
function stampBuildId(file) {
  const stamped = readFileSync(file);
  const source = buildIdOf(stamped) === undefined ? stamped : stamped.subarray(0, stamped.length - TRAILER_LENGTH);
  const id = require('node:crypto').createHash('sha256').update(source).digest('hex').slice(0, BUILD_ID_LENGTH);
  writeFileSync(file, Buffer.concat([source, Buffer.from(`${BUILD_ID_MARK}${id}\n`, 'latin1')]));
}

/** A file's bytes, in `memory` when they fit (else in new memory). */
function readInto(path, memory) {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = size <= memory.length ? memory.subarray(0, size) : Buffer.allocUnsafeSlow(size);
    let done = 0;
    while (done < size) {
      const read = readSync(fd, bytes, done, size - done, null);
      if (read === 0) break;
      done += read;
    }
    return bytes.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/** The cache's data when it was made from this build of the bundle; otherwise nothing. */
function readCache(cacheFile, buildId, memory) {
  let file;
  try {
    file = readInto(cacheFile, memory);
  } catch {
    return undefined;
  }
  if (buildId === undefined || file.length <= BUILD_ID_LENGTH || file.toString('latin1', 0, BUILD_ID_LENGTH) !== buildId) return undefined;
  return file.subarray(BUILD_ID_LENGTH);
}

/** Runs `v8Work` (reading or making a code cache) with V8 checking code caches' checksums. */
function withCacheChecksums(v8Work) {
  setFlagsFromString('--verify-snapshot-checksum');
  try {
    return v8Work();
  } finally {
    setFlagsFromString('--no-verify-snapshot-checksum');
  }
}

/** Compiles one bundle file with its cache, if that is from this build (V8 checks it is intact), and runs its wrapper with `args`. */
function run(file, cacheFile, module, ...args) {
  // One piece of memory for the source's bytes and then, once they are text, the cache's: fresh pages
  // are slow to touch.
  const memory = Buffer.allocUnsafeSlow(Math.max(statSync(file).size, statSync(cacheFile, { throwIfNoEntry: false })?.size ?? 0));
  const source = readInto(file, memory);
  const buildId = buildIdOf(source);
  const text = source.toString('utf8');
  const cachedData = readCache(cacheFile, buildId, memory);
  const script = withCacheChecksums(() => new Script(text, { filename: file, cachedData }));
  script.runInThisContext()(module.exports, require, module, file, DIST, ...args);
  return {
    /** Whether V8 took the cache (for the tests and the benchmark's honesty). */
    usedCache: cachedData !== undefined && !script.cachedDataRejected,
    /** Build step: record what this process compiled, for the next runs. */
    saveCache() {
      if (buildId === undefined) throw new Error(`${file} has no build id: scripts/build.mjs stamps it`);
      const data = withCacheChecksums(() => script.createCachedData());
      writeFileSync(`${cacheFile}.tmp`, Buffer.concat([Buffer.from(buildId, 'latin1'), data]));
      renameSync(`${cacheFile}.tmp`, cacheFile);
    },
  };
}

/** The cache file of a part under the compiler flags this process runs with. */
const partCacheFile = (file) => [file, ...appliedCompilerFlags().map((flag) => flag.replace(/^--/, '')), 'cache'].join('.');

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

module.exports = { loadBundle, stampBuildId };
