import { fileURLToPath } from 'node:url';

export const EXPORT_FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));
/** Three respondents of the mini bank with hostile text, partial answers, no name and a repeated name. */
export const HOSTILE = `${EXPORT_FIXTURES}/hostile`;
/** One answers file with two invalid values and an unknown id. */
export const BAD = `${EXPORT_FIXTURES}/bad/two-errors.yaml`;
