// A value derived from the whole corpus (entity table, fuzzy name index, quotes by speaker). Rebuilding it
// after every indexed file would make each editor request during a bulk index pay a full rebuild, so while
// `staleOk` holds a build is reused for a while after the corpus changed (longer the costlier it was);
// outside bulk indexing a change always forces a rebuild, so answers are exact.

const MIN_REUSE_MS = 250;
const REUSE_FACTOR = 8;

export class StaleCache<T> {
  private value: T | undefined;
  private dirty = true;
  private builtAt = 0;
  private buildMs = 0;

  invalidate(): void {
    this.dirty = true;
  }

  /** Drops the value (nothing stale may be served). */
  clear(): void {
    this.value = undefined;
    this.dirty = true;
  }

  get(build: () => T, staleOk: boolean): T {
    if (this.value !== undefined && (!this.dirty || (staleOk && performance.now() - this.builtAt < Math.max(MIN_REUSE_MS, this.buildMs * REUSE_FACTOR)))) {
      return this.value;
    }
    const t0 = performance.now();
    this.value = build();
    this.builtAt = performance.now();
    this.buildMs = this.builtAt - t0;
    this.dirty = false;
    return this.value;
  }
}
