// Debian's chromium driven by playwright-core (installed under the tools folder, not a project
// dependency). The flags keep it off the network: this machine refuses outside connections.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const tools = process.env.E2E_TOOLS;
if (!tools) throw new Error('E2E_TOOLS (the folder install-tools.sh fills) is not set');
const { chromium } = createRequire(path.join(tools, 'pw', 'package.json'))('playwright-core');

export async function launchBrowser(viewport = { width: 1400, height: 900 }) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-chromium-'));
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const close = async () => {
    await ctx.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { page, close };
}

/** The workbench URL for a folder on the code-server machine, with an optional test payload. */
export function workbenchUrl(base, folder, payload) {
  const query = `folder=${encodeURIComponent(folder)}`;
  return `${base}/?${query}${payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
}
