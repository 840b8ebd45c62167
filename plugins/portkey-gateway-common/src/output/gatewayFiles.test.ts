import { posix } from 'node:path';
import { normalizeTargetPath, TargetPathError } from './gatewayFiles';

// The folder rules used to be node:path's; the pure version (it runs in the browser too) must
// accept and normalise exactly the same paths.
function withNodePath(targetPath: string): string {
  const normalized = posix
    .normalize(targetPath.replace(/\\/g, '/'))
    .replace(/\/+$/, '');
  if (
    targetPath.trim() === '' ||
    normalized === '.' ||
    posix.isAbsolute(normalized) ||
    normalized === '..' ||
    normalized.startsWith('../')
  ) {
    throw new TargetPathError(targetPath);
  }
  return normalized.replace(/^\.\//, '');
}

const outcome = (f: () => string) => {
  try {
    return f();
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  }
};

describe('normalizeTargetPath', () => {
  it.each([
    'gateways/ai/team-a',
    'gateways/ai/team-a/',
    './gateways//ai/./team-a',
    'gateways\\ai\\team-a',
    'a/../b',
    'a/b/../../c',
    'a/../..',
    'a/../../b',
    '../x',
    '..',
    '.',
    './',
    '',
    '   ',
    '/abs/path',
    '//double',
    'a/./../.',
    'deep/a/b/c/../../d',
    '..a/b',
    'a/..b',
  ])('treats %j like node:path', targetPath => {
    expect(outcome(() => normalizeTargetPath(targetPath))).toBe(
      outcome(() => withNodePath(targetPath)),
    );
  });
});
