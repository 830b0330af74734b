// When the language server dies (a crash, out of memory, killed), the client restarts it, re-sends the
// open documents and re-pulls their diagnostics; a fifth death within 3 minutes stops it for good, as
// vscode-languageclient's default handler does. Unlike that handler, failing to write to the dead server
// never shuts the client down: every message sent before its exit is noticed fails (EPIPE), and the
// default gave up after three, so a server killed while the writer typed was never restarted.

import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

const WINDOW_MS = 3 * 60 * 1000;

export class RestartPolicy implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(
    private readonly name: string,
    private readonly maxRestarts = 4,
    private readonly now: () => number = Date.now,
  ) {}

  error(): ErrorHandlerResult {
    // Whether the server is gone is for `closed` to say, when the connection closes.
    return { action: ErrorAction.Continue };
  }

  closed(): CloseHandlerResult {
    const t = this.now();
    this.restarts.push(t);
    while (this.restarts.length && t - this.restarts[0] > WINDOW_MS) this.restarts.shift();
    if (this.restarts.length <= this.maxRestarts) return { action: CloseAction.Restart };
    return { action: CloseAction.DoNotRestart, message: `The ${this.name} server stopped ${this.restarts.length} times in the last 3 minutes and will not be restarted. See the output for more information.` };
  }
}
