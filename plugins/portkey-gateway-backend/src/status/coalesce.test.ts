import { PromiseCoalescer } from './coalesce';

describe('PromiseCoalescer', () => {
  function deferred<T>() {
    let resolve!: (value: T) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }

  it('shares a running load and, for ttlMs after it succeeded, its answer', async () => {
    let now = 0;
    const coalescer = new PromiseCoalescer<number>({
      ttlMs: 2000,
      now: () => now,
    });
    const d = deferred<number>();
    const load = jest.fn(() => d.promise);
    const a = coalescer.get('k', load);
    now = 10_000; // still running: shared however long it takes
    const b = coalescer.get('k', load);
    expect(load).toHaveBeenCalledTimes(1);
    d.resolve(1);
    expect(await a).toBe(1);
    expect(await b).toBe(1);
    now += 1999;
    await coalescer.get('k', load);
    expect(load).toHaveBeenCalledTimes(1);
    now += 1;
    load.mockImplementation(() => Promise.resolve(2));
    expect(await coalescer.get('k', load)).toBe(2);
    expect(load).toHaveBeenCalledTimes(2);
    expect(await coalescer.get('other', load)).toBe(2);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('shares a failure only with concurrent callers', async () => {
    const coalescer = new PromiseCoalescer<number>({ ttlMs: 2000 });
    const d = deferred<number>();
    const load = jest.fn(() => d.promise);
    const a = coalescer.get('k', load);
    const b = coalescer.get('k', load);
    d.reject(new Error('boom'));
    await expect(a).rejects.toThrow('boom');
    await expect(b).rejects.toThrow('boom');
    expect(coalescer.size).toBe(0);
    load.mockImplementation(() => Promise.resolve(3));
    expect(await coalescer.get('k', load)).toBe(3);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('with ttlMs 0 shares only concurrent callers', async () => {
    const coalescer = new PromiseCoalescer<number>({ ttlMs: 0 });
    const load = jest.fn(() => Promise.resolve(1));
    await Promise.all([coalescer.get('k', load), coalescer.get('k', load)]);
    await coalescer.get('k', load);
    expect(load).toHaveBeenCalledTimes(2);
    expect(coalescer.size).toBe(0);
  });

  it('keeps at most maxEntries keys, dropping expired ones first, then the oldest', async () => {
    let now = 0;
    const coalescer = new PromiseCoalescer<string>({
      ttlMs: 100,
      maxEntries: 3,
      now: () => now,
    });
    const load = (v: string) => () => Promise.resolve(v);
    await coalescer.get('a', load('a'));
    now = 50;
    await coalescer.get('b', load('b'));
    await coalescer.get('c', load('c'));
    now = 120; // a expired
    await coalescer.get('d', load('d'));
    expect(coalescer.size).toBe(3);
    await coalescer.get('e', load('e')); // none expired: the oldest (b) goes
    expect(coalescer.size).toBe(3);
    const reload = jest.fn(load('x'));
    expect(await coalescer.get('c', reload)).toBe('c');
    expect(await coalescer.get('b', reload)).toBe('x');
    expect(reload).toHaveBeenCalledTimes(1);
  });
});

describe('PromiseCoalescer.peek', () => {
  it('gives a running or fresh promise, never an expired one', async () => {
    let now = 0;
    const coalescer = new PromiseCoalescer<number>({
      ttlMs: 100,
      now: () => now,
    });
    expect(coalescer.peek('k')).toBeUndefined();
    const p = coalescer.get('k', () => Promise.resolve(1));
    expect(coalescer.peek('k')).toBe(p);
    await p;
    now = 99;
    expect(coalescer.peek('k')).toBe(p);
    now = 100;
    expect(coalescer.peek('k')).toBeUndefined();
  });
});
