import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startGithubStandIn, type SeedRepository } from './server';

/*
 * The GitHub stand-in as a process, for the demo and the e2e suite:
 *   node --require @backstage/cli-node/config/nodeTransform.cjs src/cli.ts \
 *     --state-dir DIR --token-file FILE [--port N] [--repo owner/name]... [--parent-pid PID]
 * It writes DIR/ready ({ url, apiBaseUrl, host, pid }) once it listens, and stops on SIGTERM,
 * SIGINT, or when the parent process is gone. The token is read from a file so it appears in
 * no process listing, and it is never printed.
 */

const USAGE =
  'usage: cli.ts --state-dir DIR --token-file FILE [--port N] [--repo owner/name]... [--parent-pid PID]';

export type CliOptions = {
  stateDir: string;
  tokenFile: string;
  port: number;
  repositories: SeedRepository[];
  parentPid?: number;
};

export function parseCliArgs(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'state-dir': { type: 'string' },
      'token-file': { type: 'string' },
      port: { type: 'string', default: '0' },
      repo: { type: 'string', multiple: true, default: [] },
      'parent-pid': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values['state-dir'] || !values['token-file']) throw new Error(USAGE);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: not a port number: ${values.port}`);
  const repositories = (values.repo ?? []).map(spec => {
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(spec);
    if (!match) throw new Error(`--repo: expected owner/name, got ${spec}`);
    return { owner: match[1], name: match[2] };
  });
  const parentPid =
    values['parent-pid'] === undefined
      ? undefined
      : Number(values['parent-pid']);
  if (parentPid !== undefined && !Number.isInteger(parentPid))
    throw new Error(`--parent-pid: not a pid: ${values['parent-pid']}`);
  return {
    stateDir: values['state-dir'],
    tokenFile: values['token-file'],
    port,
    repositories,
    parentPid,
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function main(argv: string[]): Promise<void> {
  const options = parseCliArgs(argv);
  const token = readFileSync(options.tokenFile, 'utf8').trim();
  if (!token) throw new Error(`--token-file ${options.tokenFile} is empty`);
  const server = await startGithubStandIn({
    stateDir: options.stateDir,
    port: options.port,
    token,
    repositories: options.repositories,
  });
  const ready = join(options.stateDir, 'ready');
  // Written whole and renamed, so a reader never sees half of it.
  writeFileSync(
    `${ready}.tmp`,
    `${JSON.stringify(
      {
        url: server.url,
        apiBaseUrl: server.apiBaseUrl,
        host: server.host,
        pid: process.pid,
      },
      null,
      2,
    )}\n`,
  );
  renameSync(`${ready}.tmp`, ready);
  process.stderr.write(
    `[github-stand-in] listening on ${server.url} (state in ${options.stateDir})\n`,
  );

  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`[github-stand-in] stopping: ${why}\n`);
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (options.parentPid !== undefined) {
    const parentPid = options.parentPid;
    setInterval(() => {
      if (!isAlive(parentPid)) stop(`parent process ${parentPid} is gone`);
    }, 1000).unref();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch(error => {
    process.stderr.write(`[github-stand-in] ${(error as Error).message}\n`);
    process.exit(1);
  });
}
