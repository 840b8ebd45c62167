/**
 * A small in-memory map of promises that lets identical requests share one answer: callers
 * that ask for the same key while a load runs, or within `ttlMs` after it succeeded, get the
 * same promise. A failed load is forgotten as soon as it settles, so errors are shared only by
 * concurrent callers. At most `maxEntries` keys are kept (expired ones first, then the oldest
 * go), so memory stays bounded whatever the callers ask for.
 */
export class PromiseCoalescer<T> {
  private readonly entries = new Map<
    string,
    { promise: Promise<T>; expiresAt: number }
  >();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: {
    ttlMs: number;
    maxEntries?: number;
    now?: () => number;
  }) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = Math.max(1, options.maxEntries ?? 256);
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The shared promise for a key, if a load runs or its answer is still fresh. */
  peek(key: string): Promise<T> | undefined {
    const existing = this.entries.get(key);
    return existing && existing.expiresAt > this.now()
      ? existing.promise
      : undefined;
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const existing = this.entries.get(key);
    if (existing && existing.expiresAt > now) return existing.promise;
    if (existing) this.entries.delete(key);
    this.makeRoom(now);
    const entry = { promise: load(), expiresAt: Number.POSITIVE_INFINITY };
    this.entries.set(key, entry);
    entry.promise.then(
      () => {
        // The window starts when the answer arrived: no answer is older than ttlMs.
        entry.expiresAt = this.now() + this.ttlMs;
        if (this.ttlMs <= 0 && this.entries.get(key) === entry)
          this.entries.delete(key);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.promise;
  }

  private makeRoom(now: number) {
    if (this.entries.size < this.maxEntries) return;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(key);
    }
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
