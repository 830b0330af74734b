// An archive that stopped answering: requests are answered from the working set meanwhile, the host is
// told once, and the archive is tried again with backoff until it answers.

/** Waits before trying a failed archive again: doubling from the first, up to the last. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30_000;

export interface OutageOptions {
  /** With this set, a failing archive does not fail requests (see ArchiveCorpusOptions). */
  onUnavailable?: (err: unknown) => void;
  onAvailable?: () => void;
  /** Clock for the backoff (tests). */
  now?: () => number;
}

export class ArchiveOutage {
  /** Set while the archive is unavailable: when to try again, and the wait after that. */
  private outage: { retryAt: number; wait: number } | undefined;

  constructor(private readonly options: OutageOptions) {}

  /** Whether the archive failed and is not being asked until its retry time. */
  get down(): boolean {
    return this.outage !== undefined;
  }

  /** Runs an archive call; false when the archive is (or just became) unavailable and requests are to be
   *  answered from the working set. Without `onUnavailable`, failures are thrown. */
  async try(call: () => Promise<void>): Promise<boolean> {
    const now = this.options.now ?? Date.now;
    if (this.outage && now() < this.outage.retryAt) return false;
    try {
      await call();
    } catch (err) {
      if (!this.options.onUnavailable) throw err;
      const first = !this.outage;
      const wait = this.outage ? Math.min(this.outage.wait * 2, RETRY_MAX_MS) : RETRY_FIRST_MS;
      this.outage = { retryAt: now() + wait, wait };
      if (first) this.options.onUnavailable(err);
      return false;
    }
    if (this.outage) {
      this.outage = undefined;
      this.options.onAvailable?.();
    }
    return true;
  }
}
