// Bundles test/e2e/suite (TypeScript) into <outdir>, one CommonJS file per test module plus index.js,
// with `vscode` (given by the extension host) and `mocha` (resolved from the tools folder) left external.
// Usage: node scripts/e2e/build-suite.mjs <outdir>
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const outdir = process.argv[2];
if (!outdir) throw new Error('usage: build-suite.mjs <outdir>');
const src = path.resolve(import.meta.dirname, '../../test/e2e/suite');
const entryPoints = fs.readdirSync(src).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => path.join(src, f));
fs.rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
