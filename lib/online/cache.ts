/**
 * Answers kept so a name is fetched once a week, not once per page: a time-to-live and a cap on
 * entries (the oldest go first). It serialises to a plain object so the background can keep it
 * in extension storage between restarts.
 */
export interface CacheSnapshot<T> {
  version: 1;
  entries: [string, { at: number; value: T }][];
}

/** A week: summaries and figures change slowly; office changes show up within days of a refetch. */
export const ONLINE_CACHE_TTL_MS = 7 * 24 * 3600 * 1000;
/** Enough for several hundred articles' names; each entry is a few hundred bytes. */
export const ONLINE_CACHE_MAX_ENTRIES = 2000;

export class TtlCache<T> {
  private readonly map = new Map<string, { at: number; value: T }>();

  constructor(
    private readonly ttlMs = ONLINE_CACHE_TTL_MS,
    private readonly maxEntries = ONLINE_CACHE_MAX_ENTRIES,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get(key: string): { value: T; at: number } | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (this.now() - hit.at > this.ttlMs) {
      this.map.delete(key);
      return undefined;
    }
    return hit;
  }

  set(key: string, value: T): void {
    this.map.delete(key);
    this.map.set(key, { at: this.now(), value });
    while (this.map.size > this.maxEntries) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }

  toSnapshot(): CacheSnapshot<T> {
    return { version: 1, entries: [...this.map.entries()] };
  }

  /** Restores a snapshot, quietly dropping anything malformed or expired. */
  load(snapshot: unknown): void {
    const s = snapshot as Partial<CacheSnapshot<T>> | null;
    if (!s || s.version !== 1 || !Array.isArray(s.entries)) return;
    for (const e of s.entries) {
      if (!Array.isArray(e) || typeof e[0] !== 'string' || typeof e[1]?.at !== 'number') continue;
      if (this.now() - e[1].at > this.ttlMs) continue;
      this.map.set(e[0], e[1]);
    }
    while (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value!);
  }
}
