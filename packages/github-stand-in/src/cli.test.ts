import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCliArgs } from './cli';
import { temporaryDir } from './__testUtils__/gitCli';
import { api, TOKEN } from './__testUtils__/standInFixture';

const CLI = join(__dirname, 'cli.ts');

/** Resolves when `check` is true, polling on an interval, or fails after `ms`. */
async function waitFor(what: string, check: () => boolean, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

function exited(child: ChildProcess) {
  return new Promise<number | null>(resolve => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', code => resolve(code));
  });
}

describe('the CLI', () => {
  let dir: Awaited<ReturnType<typeof temporaryDir>>;
  beforeEach(async () => {
    dir = await temporaryDir('stand-in-cli-');
    writeFileSync(join(dir.path, 'token'), `${TOKEN}\n`);
  });
  const children: ChildProcess[] = [];
  afterEach(async () => {
    // A failed test must not leave its processes behind.
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null)
        child.kill('SIGKILL');
    await dir.remove();
  });

  function start(extra: string[] = []) {
    let output = '';
    const child = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
        CLI,
        '--state-dir',
        join(dir.path, 'state'),
        '--token-file',
        join(dir.path, 'token'),
        '--repo',
        'acme/gateways',
        '--repo',
        'acme/other',
        ...extra,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    child.stdout!.on('data', chunk => (output += chunk));
    child.stderr!.on('data', chunk => (output += chunk));
    return { child, output: () => output };
  }

  it('writes the ready file, serves the repositories, and stops on SIGTERM; the token is never printed', async () => {
    const { child, output } = start();
    const ready = join(dir.path, 'state', 'ready');
    await waitFor(
      'the ready file',
      () => existsSync(ready) || child.exitCode !== null,
    );
    const info = JSON.parse(readFileSync(ready, 'utf8'));
    expect(info).toEqual({
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      apiBaseUrl: `${info.url}/api/v3`,
      host: info.url.replace('http://', ''),
      pid: child.pid,
    });
    for (const name of ['gateways', 'other']) {
      const repo = await api(info.apiBaseUrl, `/repos/acme/${name}`);
      expect(repo.body).toMatchObject({
        full_name: `acme/${name}`,
        default_branch: 'main',
      });
    }
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(output()).toContain('listening on');
    expect(output()).not.toContain(TOKEN);
  });

  it('stops when its parent process is gone', async () => {
    const parent = spawn(
      process.execPath,
      ['-e', 'setInterval(() => {}, 1000)'],
      { stdio: 'ignore' },
    );
    const { child } = start(['--parent-pid', String(parent.pid)]);
    await waitFor(
      'the ready file',
      () =>
        existsSync(join(dir.path, 'state', 'ready')) || child.exitCode !== null,
    );
    expect(child.exitCode).toBeNull();
    parent.kill('SIGKILL');
    expect(await exited(child)).toBe(0);
  });

  it('refuses arguments it does not understand', () => {
    expect(() => parseCliArgs(['--state-dir', 'x'])).toThrow(/usage/);
    expect(() =>
      parseCliArgs(['--state-dir', 'x', '--token-file', 't', '--repo', 'nope']),
    ).toThrow(/owner\/name/);
    expect(() =>
      parseCliArgs([
        '--state-dir',
        'x',
        '--token-file',
        't',
        '--token',
        'secret',
      ]),
    ).toThrow();
    expect(
      parseCliArgs([
        '--state-dir',
        'x',
        '--token-file',
        't',
        '--repo',
        'a/b',
        '--port',
        '0',
      ]),
    ).toEqual({
      stateDir: 'x',
      tokenFile: 't',
      port: 0,
      repositories: [{ owner: 'a', name: 'b' }],
      parentPid: undefined,
    });
  });
});
