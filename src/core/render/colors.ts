import { Chalk, type ChalkInstance } from 'chalk';

// The only place that knows about colour; markdown and JSON never import it.

export type Colors = ChalkInstance;

export function makeColors(enabled: boolean): Colors {
  return new Chalk({ level: enabled ? 1 : 0 });
}
