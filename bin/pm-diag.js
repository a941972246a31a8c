#!/usr/bin/env node
// Node's own compile cache (Node 22.1 and later) keeps the bundle's compiled code between runs.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/pm-diag.mjs');
process.exitCode = await main(process.argv.slice(2));
