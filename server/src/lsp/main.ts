// Entry of the server bundle (dist/server.js): the VS Code client starts it with --node-ipc; other editors
// can run it with --stdio (or use `sourced lsp --stdio`).
import { limitHeapGrowth } from '../host/heapGrowth.ts';
import { startServer } from './server.ts';

limitHeapGrowth();
startServer();
