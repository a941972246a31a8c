declare const __PM_DIAG_VERSION__: string | undefined;

/** Inlined by the build, so `--version` reads no file. */
export const VERSION: string = typeof __PM_DIAG_VERSION__ === 'string' ? __PM_DIAG_VERSION__ : '0.0.0-dev';
