'use strict';
// Loads the bundled CLI with the V8 code cache the build made from it: without the cache, compiling
// the bundle is about a third of a run's start-up. V8 rejects a cache made by another Node version
// (or for another bundle) and the bundle then compiles as usual, so a stale cache costs nothing.
const { readFileSync } = require('node:fs');
const { wrap } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const BUNDLE = join(DIST, 'pm-diag.cjs');
const CACHE = `${BUNDLE}.cache`;

function loadBundle() {
  let cachedData;
  try {
    cachedData = readFileSync(CACHE);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(wrap(readFileSync(BUNDLE, 'utf8')), { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, BUNDLE, DIST);
  return { main: module.exports.main, script };
}

module.exports = { loadBundle, CACHE };
