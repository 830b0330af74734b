// Lint rules, including the architecture boundary: the analysis service is pure (no fs, no process,
// no LSP connection, no vscode); the client never imports server code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'net', 'http', 'https', 'worker_threads', 'process'];

const servicePaths = [
  ...nodeBuiltins.map((name) => ({ name, message: 'The service is pure: file system and process access live in server/src/host.' })),
  { name: 'vscode', message: 'The service must not depend on VS Code.' },
  { name: 'pg', message: 'The service is pure: the archive database lives in server/src/host/archive.' },
  { name: 'vscode-languageserver', message: 'The service must not depend on the LSP connection; use vscode-languageserver-types.' },
  { name: 'vscode-languageserver/node', message: 'The service must not depend on the LSP connection.' },
];
const servicePatterns = [
  { group: ['node:*'], message: 'The service is pure: Node built-ins live in server/src/host.' },
  { group: ['**/host/**', '**/lsp/**', '**/cli/**'], message: 'The service must not import its adapters.' },
];
const notAnalysis = {
  group: ['**/check/**', '**/features/**', '**/cli/**', '**/lsp/**'],
  allowTypeImports: true,
  message: 'Analysing and storing sources must not depend on the checker, features, CLI or LSP glue: the analysis id (esbuild.mjs) leaves them out.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.e2e-work/**', 'test-artifacts/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: servicePaths, patterns: servicePatterns }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'The service is pure: no process access.' },
        { name: 'require', message: 'Use imports.' },
      ],
    },
  },
  // What analyses and stores sources keys saved indexes and archives by the hash of its modules, leaving
  // out the checker, the features, the CLI, the LSP glue and the report writer (esbuild.mjs,
  // NOT_ANALYSIS): a release changing only those keeps every saved index. That holds while no analysing
  // module imports them.
  {
    files: ['server/src/service/{corpus,text,archive,util}/**/*.ts', 'server/src/service/api.ts', 'server/src/service/types.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: servicePaths, patterns: [...servicePatterns, notAnalysis] }],
    },
  },
  {
    files: ['server/src/host/**/*.ts'],
    ignores: ['server/src/host/reportFile.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [notAnalysis] }],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/server/src/service/**', '**/server/src/lsp/**', '**/server/src/cli/**', '**/server/src/host/**'], message: 'The client only starts the server; it must not import server code (server/src/protocol.ts, the shared message types, excepted).' }],
      }],
    },
  },
);
