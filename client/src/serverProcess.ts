// How the server process is started: the bundle over IPC, with the V8 heap cap from
// `sourced.server.maxMemoryMB` (a restart applies a change).

import * as vscode from 'vscode';
import { TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { DEFAULT_SERVER_MAX_MEMORY_MB } from '../../server/src/protocol.ts';

export const MAX_MEMORY_SETTING = 'sourced.server.maxMemoryMB';

function heapArgs(): string[] {
  const mb = vscode.workspace.getConfiguration().get<number>(MAX_MEMORY_SETTING, DEFAULT_SERVER_MAX_MEMORY_MB);
  // 0 leaves V8's default (a quarter of the machine's memory, at most 4 GB).
  return mb > 0 ? [`--max-old-space-size=${Math.round(mb)}`] : [];
}

export class ServerProcess {
  private readonly run: string[] = [];
  private readonly debug: string[] = [];
  readonly options: ServerOptions;

  constructor(serverModule: string) {
    this.options = {
      run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: this.run } },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: this.debug } },
    };
    this.refresh();
  }

  /** Re-reads the setting; the client reads these arrays whenever it (re)starts the server. */
  refresh(): void {
    const heap = heapArgs();
    this.run.splice(0, this.run.length, ...heap);
    this.debug.splice(0, this.debug.length, '--nolazy', '--inspect=6019', ...heap);
  }
}
