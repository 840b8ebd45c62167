import path from 'node:path';

/** The repository's root; this package runs from its source (never built), so __dirname is stable. */
// eslint-disable-next-line no-restricted-syntax
export const REPO_ROOT = path.resolve(__dirname, '../../..');
