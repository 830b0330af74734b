// A value derived from the whole corpus (entity table, fuzzy name index). Rebuilding it after every
// indexed file would make each editor request during a bulk index pay a full rebuild, so while `staleOk`
// holds, requests get the last build; the indexing loop rebuilds it in slices when a request was served
// a stale value and the last build is old enough (`due`, `put`: longer the costlier the build), so a bulk
// index nobody asks about pays for one build at its end. Outside bulk indexing a change always forces a
// rebuild, so answers are exact.

const MIN_REUSE_MS = 250;
const REUSE_FACTOR = 8;

export class StaleCache<T> {
  private value: T | undefined;
  /** The version the value was built from. */
  private valueVersion = -1;
  private dirty = true;
  private builtAt = 0;
  /** How long the last build took. */
  buildMs = 0;
  /** Bumped by every invalidation, so a build that ran while the corpus changed is not taken as fresh. */
  version = 0;
  /** A stale value was served since the last build: someone is waiting for a fresh one. */
  private wanted = false;

  invalidate(): void {
    this.dirty = true;
    this.version++;
  }

  /** The value last built, fresh or not, without building one. */
  peek(): T | undefined {
    return this.value;
  }

  /** Drops the value (nothing stale may be served). */
  clear(): void {
    this.value = undefined;
    this.valueVersion = -1;
    this.invalidate();
  }

  get stale(): boolean {
    return this.value === undefined || this.dirty;
  }

  /** Stale, asked for (or never built) and built long enough ago: time for a background rebuild. */
  get due(): boolean {
    return this.stale && (this.value === undefined || this.wanted) && performance.now() - this.builtAt > this.reuseMs() / 2;
  }

  /** Stores a value built elsewhere from the corpus as it was at `version`; one built from an older
   *  version than the value held is dropped (a build in slices that a build of its own overtook after a
   *  change: kept, it would be served as fresh though it misses the change). */
  put(value: T, version: number, buildMs: number): void {
    if (this.value !== undefined && version < this.valueVersion) return;
    this.value = value;
    this.valueVersion = version;
    this.builtAt = performance.now();
    this.buildMs = buildMs;
    this.wanted = false;
    if (version === this.version) this.dirty = false;
  }

  get(build: () => T, staleOk: boolean): T {
    if (this.value !== undefined && (!this.dirty || staleOk)) {
      if (this.dirty) this.wanted = true;
      return this.value;
    }
    return this.rebuild(build);
  }

  /** Builds the value now (timed, for `due`) and stores it. */
  rebuild(build: () => T): T {
    const t0 = performance.now();
    const version = this.version;
    const value = build();
    this.put(value, version, performance.now() - t0);
    return value;
  }

  private reuseMs(): number {
    return Math.max(MIN_REUSE_MS, this.buildMs * REUSE_FACTOR);
  }
}
