import { execFile } from 'node:child_process';

/** Debian's git; execFile with an argument list, never a shell string. */
const GIT = 'git';

export type RunGitOptions = {
  /** The bare repository (passed as --git-dir) or undefined for commands that need none. */
  gitDir?: string;
  /** Written to git's standard input. */
  input?: string | Buffer;
  /** Added to a clean environment (see baseEnv). */
  env?: Record<string, string>;
};

export class GitCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly stderr: string,
    /** What git wrote before failing (merge-tree reports its conflicts there). */
    readonly stdout: string = '',
  ) {
    super(`git ${args[0]} failed (exit ${exitCode}): ${stderr.trim()}`);
    this.name = 'GitCommandError';
  }
}

/**
 * The user's and the system's git config would change what git writes (hooks, signing,
 * default branch names): the stand-in's repositories depend on nothing but its arguments.
 */
export function baseEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    LANG: 'C',
    LC_ALL: 'C',
  };
}

/** Runs git and resolves with its standard output as a Buffer. */
export function runGitRaw(
  args: string[],
  options: RunGitOptions = {},
): Promise<Buffer> {
  const fullArgs = options.gitDir
    ? [`--git-dir=${options.gitDir}`, ...args]
    : args;
  return new Promise((resolve, reject) => {
    const child = execFile(
      GIT,
      fullArgs,
      {
        env: { ...baseEnv(), ...options.env },
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException & { code?: unknown })
            .code;
          reject(
            new GitCommandError(
              args,
              typeof code === 'number' ? code : null,
              stderr.toString('utf8'),
              stdout.toString('utf8'),
            ),
          );
          return;
        }
        resolve(stdout);
      },
    );
    child.stdin?.on('error', () => {
      // git may exit before reading all of its input; the exit code tells the story.
    });
    child.stdin?.end(options.input ?? '');
  });
}

/** Runs git and resolves with its standard output as UTF-8 text. */
export async function runGit(
  args: string[],
  options: RunGitOptions = {},
): Promise<string> {
  return (await runGitRaw(args, options)).toString('utf8');
}
