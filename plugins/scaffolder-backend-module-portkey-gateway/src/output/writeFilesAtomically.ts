import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes every file or none: each goes to a temporary sibling first and is renamed into
 * place only after all were written, so a failure never leaves a half-written gateway.
 *
 * @param resolvePath - maps a relative path to an absolute one, refusing paths outside the root
 */
export async function writeFilesAtomically(
  files: Record<string, string>,
  resolvePath: (relativePath: string) => string,
): Promise<string[]> {
  const targets = Object.entries(files).map(([path, content]) => ({
    path: resolvePath(path),
    content,
  }));
  const staged: Array<{ tmp: string; path: string }> = [];
  try {
    for (const { path, content } of targets) {
      await fs.mkdir(dirname(path), { recursive: true });
      const tmp = join(
        dirname(path),
        `.${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`,
      );
      await fs.writeFile(tmp, content, 'utf8');
      staged.push({ tmp, path });
    }
    for (const { tmp, path } of staged) await fs.rename(tmp, path);
  } catch (error) {
    await Promise.all(staged.map(({ tmp }) => fs.rm(tmp, { force: true })));
    throw error;
  }
  return targets.map(t => t.path);
}
