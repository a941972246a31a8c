#!/usr/bin/env node
'use strict';
// Node's own compile cache (Node 22.1 and later) keeps the bundle's compiled code between runs.
require('node:module').enableCompileCache?.();
require('../dist/pm-diag.cjs')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
