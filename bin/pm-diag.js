#!/usr/bin/env node
'use strict';
// CommonJS (see bin/package.json): it starts faster than an ES module entry.
const { loadBundle } = require('./load-bundle.js');

loadBundle()
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
