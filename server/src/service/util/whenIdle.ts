// Work for an idle moment: run once nothing has asked for it to be put off for `delayMs`, and put off
// again while `busy` says a request is running (it would pay for the work, or the work for it).

export class WhenIdle {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly delayMs: number,
    private readonly busy: () => boolean,
    private readonly work: () => void,
  ) {}

  /** Runs the work `delayMs` from now, or later while busy (a call before then starts the wait again). */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.busy()) {
        this.schedule();
        return;
      }
      try {
        this.work();
      } catch {
        // Nothing is lost: the request that needs what the work makes makes it, and reports what fails.
      }
    }, this.delayMs);
    // Idle work never keeps a process alive.
    this.timer.unref?.();
  }
}
