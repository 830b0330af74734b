// Bundles the client, the language server and the CLI into dist/ (one file each, no runtime node_modules).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // `sourced archive sync` analyses on worker threads running this file.
  esbuild.build({ ...common, entryPoints: ['server/src/host/archive/analyseWorker.ts'], outfile: 'dist/archiveWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/host/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' }),
]);
