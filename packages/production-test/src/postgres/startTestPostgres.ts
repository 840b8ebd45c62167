import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../net/freePort';
import { REPO_ROOT } from '../repoRoot';

const ENSURE_POSTGRES = path.join(
  REPO_ROOT,
  'scripts/postgres/ensure-postgres.sh',
);

/** The superuser initdb creates; it logs in over the unix socket only (trust there). */
const SUPERUSER = 'postgres';

/** A running throwaway PostgreSQL and the role the portal logs in with. */
export type TestPostgres = {
  host: '127.0.0.1';
  port: number;
  /** Has LOGIN and CREATEDB: Backstage creates one database per plugin itself. */
  user: string;
  /** Random per run; kept out of logs (pass it through the environment, never argv). */
  password: string;
  /** A client for one database, as the portal's role (over TCP, with the password). */
  connect: (database: string) => Promise<Client>;
  /** Stops the server and removes its directory; safe to call twice. */
  stop: () => void;
};

/**
 * Starts a fresh PostgreSQL cluster from Debian's binaries in `dir` (created, must not exist):
 * `initdb` into `<dir>/data`, the server on 127.0.0.1 and a free port, its unix socket in
 * `<dir>`, and a role `backstage` with a random password and CREATEDB. As root, the server
 * runs as the `postgres` system user the Debian package creates (postgres refuses root), and
 * `dir` is owned by it. Missing binaries are installed by scripts/postgres/ensure-postgres.sh.
 */
export async function startTestPostgres(dir: string): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const runAs = serverUser();
  fs.mkdirSync(dir, { mode: 0o700 });
  let started = false;
  const stop = () => {
    try {
      if (started) {
        started = false;
        runPostgresTool(runAs, path.join(bin, 'pg_ctl'), [
          '-D',
          path.join(dir, 'data'),
          '-m',
          'fast',
          '-w',
          'stop',
        ]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    if (runAs) chownToUser(dir, runAs);
    runPostgresTool(runAs, path.join(bin, 'initdb'), [
      '-D',
      path.join(dir, 'data'),
      '-U',
      SUPERUSER,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '--no-sync', // throwaway: no fsync of the new cluster
      '--encoding=UTF8',
      '--locale=C',
    ]);
    const port = await freePort();
    started = true;
    runPostgresTool(runAs, path.join(bin, 'pg_ctl'), [
      '-D',
      path.join(dir, 'data'),
      '-l',
      path.join(dir, 'server.log'),
      '-w', // returns once the server accepts connections
      '-t',
      '60',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
      'start',
    ]);
    const user = 'backstage';
    const password = crypto.randomBytes(24).toString('hex');
    await createPortalRole(dir, port, user, password);
    return {
      host: '127.0.0.1',
      port,
      user,
      password,
      connect: async database => {
        const client = new Client({
          host: '127.0.0.1',
          port,
          user,
          password,
          database,
        });
        await client.connect();
        return client;
      },
      stop,
    };
  } catch (error) {
    const log = readIfExists(path.join(dir, 'server.log'));
    try {
      stop();
    } catch {
      // the original error says more
    }
    throw new Error(
      `PostgreSQL did not start in ${dir}: ${(error as Error).message}${
        log ? `\nserver.log:\n${log}` : ''
      }`,
    );
  }
}

/** The server binaries' directory, installing Debian's postgresql when they are missing. */
function postgresBinDir(): string {
  try {
    return execFileSync(ENSURE_POSTGRES, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
  } catch (error) {
    throw new Error(
      `No PostgreSQL server binaries (/usr/lib/postgresql/*/bin/postgres) and ${ENSURE_POSTGRES} could not install them: ${
        (error as Error).message
      }`,
    );
  }
}

/** As root, the system user to run the server as (postgres refuses to run as root). */
function serverUser(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    execFileSync('id', ['-u', SUPERUSER], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `Running as root, but there is no '${SUPERUSER}' system user to run PostgreSQL as (Debian's postgresql package creates it)`,
    );
  }
  return SUPERUSER;
}

function chownToUser(dir: string, user: string) {
  execFileSync('chown', [user, dir]);
  // Its parents must let that user in (a TMPDIR under /root would not).
  try {
    execFileSync('runuser', ['-u', user, '--', 'test', '-w', dir], {
      stdio: 'ignore',
    });
  } catch {
    throw new Error(
      `The '${user}' user cannot write ${dir} (a parent directory closes it off): set TMPDIR to a directory it can reach, such as /tmp`,
    );
  }
}

/** Runs a PostgreSQL tool, as `user` when given; its output is shown only on failure. */
function runPostgresTool(
  user: string | undefined,
  tool: string,
  args: string[],
) {
  const [command, commandArgs] = user
    ? ['runuser', ['-u', user, '--', tool, ...args]]
    : [tool, args];
  try {
    execFileSync(command, commandArgs, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${path.basename(tool)} ${args.join(' ')} failed: ${
        stderr || stdout || (error as Error).message
      }`,
    );
  }
}

/**
 * Creates the portal's role over the unix socket, as the superuser. The password travels in
 * the SQL text only (no process argument; the server logs no statements by default).
 */
async function createPortalRole(
  socketDir: string,
  port: number,
  user: string,
  password: string,
) {
  const admin = new Client({
    host: socketDir,
    port,
    user: SUPERUSER,
    database: 'postgres',
  });
  await admin.connect();
  try {
    await admin.query(
      `CREATE ROLE ${admin.escapeIdentifier(
        user,
      )} LOGIN CREATEDB PASSWORD ${admin.escapeLiteral(password)}`,
    );
  } finally {
    await admin.end();
  }
}

function readIfExists(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
