// Bundles the client, the language server and the CLI into dist/ (one file each, no runtime node_modules).
// Big data and rarely needed libraries stay out of the bundles, so each process starts without reading
// and compiling megabytes it may never use: JSON data files are written to dist/data/ and read when first
// needed; the PDF reader (pdf.js, via unpdf) is its own bundle, dist/unpdf.js, loaded for the first PDF.
import * as esbuild from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

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

/** JSON files bigger than this are data files (the tagger's model, WordNet), not bundled. */
const DATA_BYTES = 100_000;

const dataOutOfBundle = {
  name: 'data-out-of-bundle',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (text.length < DATA_BYTES) return undefined;
      const name = `${path.basename(path.dirname(args.path))}-${path.basename(args.path)}`;
      await mkdir('dist/data', { recursive: true });
      await writeFile(path.join('dist/data', name), JSON.stringify(JSON.parse(text)));
      return {
        contents: `module.exports = JSON.parse(require('fs').readFileSync(require('path').join(__dirname, 'data', ${JSON.stringify(name)}), 'utf8'));`,
        loader: 'js',
      };
    });
    build.onResolve({ filter: /^unpdf$/ }, () => ({ path: 'unpdf', namespace: 'own-bundle' }));
    build.onLoad({ filter: /.*/, namespace: 'own-bundle' }, () => ({
      contents: `module.exports = module.require(require('path').join(__dirname, 'unpdf.js'));`,
      loader: 'js',
    }));
  },
};

const server = { ...common, plugins: [dataOutOfBundle] };

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...server, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...server, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // `sourced archive sync` analyses on worker threads running this file.
  esbuild.build({ ...server, entryPoints: ['server/src/host/archive/analyseWorker.ts'], outfile: 'dist/archiveWorker.js' }),
  esbuild.build({ ...server, entryPoints: ['server/src/host/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['unpdf'], outfile: 'dist/unpdf.js' }),
]);
