// Bundles the client, the language server and the CLI into dist/ (one file each, no runtime node_modules).
// Big data and rarely needed libraries stay out of the bundles, so each process starts without reading
// and compiling megabytes it may never use: JSON data files are written to dist/data/ and read when first
// needed; the PDF reader (pdf.js, via unpdf) is its own bundle, dist/unpdf.js, loaded for the first PDF.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
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

// Which analysis a bundle holds (server/src/host/analysisId.ts): saved indexes and the archive's rows are
// keyed by it, so a new id re-analyses every source (at 500,000 archived articles, most of an hour). It is
// the hash of the bundle's inputs that can change what is analysed or stored, not of the whole bundle: a
// release that changes only the checker, hovers, the CLI's reports, the editor glue or the archive's
// readers keeps the id, and its saved indexes and archive. Everything not listed here counts (a new
// file is in the id until someone says otherwise), libraries and data files included.
const NOT_ANALYSIS = [
  'client/',
  'server/src/cli/',
  'server/src/lsp/',
  'server/src/service/check/',
  'server/src/service/features/',
  'server/src/host/reportFile.ts',
  'server/src/host/archive/archiveErrors.ts',
  'server/src/host/archive/archiveStatus.ts',
  'server/src/host/archive/pgArchive.ts',
  'server/src/host/archive/cardQuery.ts',
  'server/src/host/archive/quoteQuery.ts',
  'server/src/host/archive/schema.ts',
  'server/src/host/archive/searchPlan.ts',
  // The service's side of reading an archive (its working set, cards, names), not what a sync stores.
  'server/src/service/archive/answered.ts',
  'server/src/service/archive/archiveCard.ts',
  'server/src/service/archive/archiveCorpus.ts',
  'server/src/service/archive/archiveMisses.ts',
  'server/src/service/archive/archiveOutage.ts',
  'server/src/service/archive/archiveSource.ts',
  'server/src/service/archive/archivedNames.ts',
  'server/src/service/archive/archivedQuotes.ts',
  'server/src/service/archive/localSources.ts',
  'server/src/service/archive/workingSet.ts',
];
const ID_PLACEHOLDER = '@@analysis@id@@@'; // as long as the id (16 hex digits), so source maps stay right

async function analysisIdOf(metafile) {
  const h = createHash('sha256');
  const inputs = Object.keys(metafile.inputs)
    .filter((f) => !f.includes(':') && !NOT_ANALYSIS.some((p) => f.startsWith(p)))
    .sort();
  // pdf.js is a bundle of its own (dist/unpdf.js), loaded by the extractor: its version counts.
  if (Object.keys(metafile.inputs).some((f) => f.startsWith('own-bundle:'))) inputs.push('node_modules/unpdf/package.json');
  for (const f of inputs) h.update(`${f}\n`).update(await readFile(f));
  return h.digest('hex').slice(0, 16);
}

/** Builds a server-side bundle and writes its analysis id into it. */
async function buildServer(options) {
  const result = await esbuild.build({ ...options, metafile: true, define: { __SOURCED_ANALYSIS_ID__: JSON.stringify(ID_PLACEHOLDER) } });
  const id = await analysisIdOf(result.metafile);
  const code = await readFile(options.outfile, 'utf8');
  await writeFile(options.outfile, code.split(ID_PLACEHOLDER).join(id));
}

const server = { ...common, plugins: [dataOutOfBundle] };

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  buildServer({ ...server, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  buildServer({ ...server, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // `sourced archive sync` analyses on worker threads running this file.
  buildServer({ ...server, entryPoints: ['server/src/host/archive/analyseWorker.ts'], outfile: 'dist/archiveWorker.js' }),
  buildServer({ ...server, entryPoints: ['server/src/host/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['unpdf'], outfile: 'dist/unpdf.js' }),
]);
