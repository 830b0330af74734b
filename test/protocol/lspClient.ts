// A minimal LSP client over stdio for protocol tests: Content-Length framing, requests with ids,
// server→client requests answered by handlers, and waiting (with a deadline) for notifications.

import { spawn, type ChildProcess } from 'node:child_process';

type Json = Record<string, unknown>;
type Handler = (params: unknown) => unknown;

export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export class LspClient {
  readonly child: ChildProcess;
  readonly notifications: Message[] = [];
  readonly serverRequests: Message[] = [];
  /** Every notification and server request, in arrival order. */
  readonly received: Message[] = [];
  stderr = '';
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: Message) => void; fail: (err: Error) => void }>();
  private readonly handlers = new Map<string, Handler>();
  private waiters: Array<{ match: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
  /** Bytes on stdout that were not a well-formed LSP frame (the server must never print). */
  garbage = '';

  constructor(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
    this.child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    // Writing to a server that has died fails (EPIPE); its exit is what counts.
    this.child.stdin!.on('error', () => undefined);
    // As an editor's client does: a dead server answers nothing, so its pending requests fail at once.
    this.child.on('exit', (code, signal) => {
      for (const p of this.pending.values()) p.fail(new Error(`server exited (${signal ?? `code ${code}`})`));
      this.pending.clear();
    });
  }

  onRequest(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 15000): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${method}: the server has exited`));
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timeout waiting for ${method}\n${this.stderr}`)), timeoutMs);
      this.pending.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          if (m.error) reject(Object.assign(new Error(`${method}: ${m.error.message}`), { code: m.error.code }));
          else resolve(m.result as T);
        },
        fail: (err) => {
          clearTimeout(timer);
          reject(Object.assign(err, { message: `${method}: ${err.message}` }));
        },
      });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first message (notification or server request) that matches, among those received
   *  from index `since` of `received` on, or arriving later. */
  waitFor(match: (m: Message) => boolean, what: string, timeoutMs = 15000, since = 0): Promise<Message> {
    const seen = this.received.slice(since).find(match);
    return seen ? Promise.resolve(seen) : this.next(match, what, timeoutMs);
  }

  /** Waits only for messages that arrive after this call. */
  next(match: (m: Message) => boolean, what: string, timeoutMs = 15000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timeout waiting for ${what}\n${this.stderr}`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.request('shutdown', null, 5000);
      this.notify('exit', null);
    } catch {
      this.child.kill();
    }
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
  }

  private send(message: Json | Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin!.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    while (true) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: (\d+)/i.exec(header);
      if (!m || !header.startsWith('Content-')) {
        this.garbage += header;
        this.buffer = this.buffer.subarray(headerEnd + 4);
        continue;
      }
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined && message.method === undefined) {
      this.pending.get(message.id as number)?.resolve(message);
      this.pending.delete(message.id as number);
      return;
    }
    this.received.push(message);
    if (message.id !== undefined) {
      this.serverRequests.push(message);
      const handler = this.handlers.get(message.method!);
      let result: unknown;
      try {
        result = handler ? handler(message.params) : null;
      } catch {
        result = null;
      }
      this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null });
    } else {
      this.notifications.push(message);
    }
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) {
      if (w.match(message)) w.resolve(message);
      else this.waiters.push(w);
    }
  }
}
