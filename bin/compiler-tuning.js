'use strict';
// A run over one file is over in a few tens of milliseconds, before optimized code pays back, yet on
// Node 20 V8 still compiled the yaml parser's hottest functions on background threads, competing for
// the cores, and Node waited for those compiles before it exited. Raising V8's interrupt budget
// fourfold keeps such a run in the interpreter. docs/startup.md has the measurements.
//
// Only on Node 20: later V8 versions dropped the flag, and setting an unknown flag prints an error
// to stderr. Only after the code cache was checked: V8 rejects a cache made under other flags.

/** Commands that may read thousands of files: the only ones long enough to gain from optimized code. */
const MANY_FILE_COMMANDS = new Set(['report', 'compare', 'validate', 'export']);

/** The command a run names (its first argument that is not an option), if any. */
const commandOf = (args) => args.find((arg) => !arg.startsWith('-'));

/** The V8 flags for a run with these arguments on this Node major version (none where unsafe). */
function compilerFlagsFor(args, nodeMajor) {
  if (nodeMajor !== 20) return [];
  const command = commandOf(args);
  return command !== undefined && MANY_FILE_COMMANDS.has(command) ? [] : ['--interrupt-budget=270336'];
}

let applied = [];

function tuneCompiler(args) {
  const flags = compilerFlagsFor(args, Number(process.versions.node.split('.')[0]));
  if (flags.length > 0) {
    // V8 rejects Node's own code cache for the modules loaded after the flags change (it was made
    // without them): stdout's (the stream over a pipe or a file), which every run writes to, load first.
    void process.stdout;
    require('node:v8').setFlagsFromString(flags.join(' '));
  }
  applied = flags;
}

/** The flags tuneCompiler set in this process (a code cache made under other flags is rejected). */
const appliedCompilerFlags = () => applied;

module.exports = { appliedCompilerFlags, commandOf, compilerFlagsFor, tuneCompiler };
