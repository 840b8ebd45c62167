import { NamespaceWatch } from './NamespaceWatch';

/** Which namespace of which cluster (one set of credentials per cluster name). */
export type WatchTarget = { cluster: string; namespace: string };

/** One key per cluster and namespace. */
export function watchKey(target: WatchTarget): string {
  return JSON.stringify([target.cluster, target.namespace]);
}

export type NamespaceWatchesOptions<T extends WatchTarget> = {
  /** Builds the watch of one cluster's namespace. */
  create: (target: T) => NamespaceWatch;
  /** A namespace nobody asked about for this long stops being watched. Default 5 min. */
  idleMs?: number;
  /** At most this many namespaces are watched at once (the least recently asked go). Default 64. */
  maxWatches?: number;
  now?: () => number;
};

type Entry = { watch: NamespaceWatch; lastUsedAt: number };

/**
 * The namespaces being watched, one NamespaceWatch per cluster and namespace, started by the
 * first request for it and stopped when nobody has asked for `idleMs`, when it fails (the
 * next request starts a fresh one, so a cluster that came back is picked up), or to make room.
 */
export class NamespaceWatches<T extends WatchTarget = WatchTarget> {
  private readonly entries = new Map<string, Entry>();
  private readonly create: (target: T) => NamespaceWatch;
  private readonly idleMs: number;
  private readonly maxWatches: number;
  private readonly now: () => number;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(options: NamespaceWatchesOptions<T>) {
    this.create = options.create;
    this.idleMs = options.idleMs ?? 5 * 60_000;
    this.maxWatches = Math.max(1, options.maxWatches ?? 64);
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The namespace's running watch, started (and its first lists awaited) if need be. */
  async get(target: T): Promise<NamespaceWatch> {
    const key = watchKey(target);
    let entry = this.entries.get(key);
    if (entry && !entry.watch.healthy) {
      this.remove(key, entry);
      entry = undefined;
    }
    if (!entry) {
      this.sweep();
      this.makeRoom();
      const watch = this.create(target);
      const created: Entry = { watch, lastUsedAt: this.now() };
      entry = created;
      this.entries.set(key, created);
      watch.onFailure(() => this.remove(key, created));
      this.startSweeper();
    }
    // Re-inserted: the map's order is least recently used first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    entry.lastUsedAt = this.now();
    await entry.watch.ready;
    return entry.watch;
  }

  /**
   * The namespace's watch if it is serving (listed and healthy), else undefined. Never starts
   * a watch and does not count as a use (a namespace only peeked at still goes idle).
   */
  peek(target: WatchTarget): NamespaceWatch | undefined {
    const watch = this.entries.get(watchKey(target))?.watch;
    return watch?.serving ? watch : undefined;
  }

  /** Stops every watch (on backend shutdown). */
  stopAll() {
    for (const [key, entry] of this.entries) this.remove(key, entry);
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  private remove(key: string, entry: Entry) {
    entry.watch.stop();
    if (this.entries.get(key) === entry) this.entries.delete(key);
    if (this.entries.size === 0) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }

  private sweep() {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (now - entry.lastUsedAt >= this.idleMs) this.remove(key, entry);
    }
  }

  private makeRoom() {
    while (this.entries.size >= this.maxWatches) {
      const [key, entry] = this.entries.entries().next().value!;
      this.remove(key, entry);
    }
  }

  private startSweeper() {
    if (this.sweeper) return;
    const every = Math.max(1000, Math.min(this.idleMs / 4, 60_000));
    // unref: idle watches alone never keep the process alive.
    this.sweeper = setInterval(() => this.sweep(), every);
    this.sweeper.unref();
  }
}
