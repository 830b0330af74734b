// A value derived from the whole corpus (entity table, fuzzy name index). Rebuilding it after every
// indexed file would make each editor request during a bulk index pay a full rebuild, so while `staleOk`
// holds a build is reused for a while after the corpus changed (longer the costlier it was), and the
// indexing loop refreshes it in slices before that time runs out (`due`, `put`); outside bulk indexing a
// change always forces a rebuild, so answers are exact.

const MIN_REUSE_MS = 250;
const REUSE_FACTOR = 8;

export class StaleCache<T> {
  private value: T | undefined;
  private dirty = true;
  private builtAt = 0;
  /** How long the last build took. */
  buildMs = 0;
  /** Bumped by every invalidation, so a build that ran while the corpus changed is not taken as fresh. */
  version = 0;

  invalidate(): void {
    this.dirty = true;
    this.version++;
  }

  /** Drops the value (nothing stale may be served). */
  clear(): void {
    this.value = undefined;
    this.invalidate();
  }

  get stale(): boolean {
    return this.value === undefined || this.dirty;
  }

  /** Stale and half-way through the time a stale value may be served: time for a background rebuild. */
  get due(): boolean {
    return this.stale && performance.now() - this.builtAt > this.reuseMs() / 2;
  }

  /** Stores a value built elsewhere from the corpus as it was at `version`. */
  put(value: T, version: number, buildMs: number): void {
    this.value = value;
    this.builtAt = performance.now();
    this.buildMs = buildMs;
    if (version === this.version) this.dirty = false;
  }

  get(build: () => T, staleOk: boolean): T {
    if (this.value !== undefined && (!this.dirty || (staleOk && performance.now() - this.builtAt < this.reuseMs()))) {
      return this.value;
    }
    const t0 = performance.now();
    const version = this.version;
    this.put(build(), version, performance.now() - t0);
    return this.value as T;
  }

  private reuseMs(): number {
    return Math.max(MIN_REUSE_MS, this.buildMs * REUSE_FACTOR);
  }
}
