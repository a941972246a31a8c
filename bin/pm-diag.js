#!/usr/bin/env node
'use strict';
// CommonJS (see bin/package.json): it starts faster than an ES module entry. Everything about
// start-up lives here in bin/ and in scripts/build.mjs; docs/startup.md explains it.
const { loadBundle } = require('./load-bundle.js');
const { tuneCompiler } = require('./compiler-tuning.js');

const args = process.argv.slice(2);
const bundle = loadBundle(args);
tuneCompiler(args);
bundle.main(args).then((code) => {
  process.exitCode = code;
});
