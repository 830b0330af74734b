import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SERVER_MAX_MEMORY_MB } from '../../server/src/protocol.ts';

test("the heap-cap setting's default is the one the client falls back on and the soak uses", () => {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const setting = manifest.contributes.configuration.properties['sourced.server.maxMemoryMB'];
  assert.equal(setting.default, DEFAULT_SERVER_MAX_MEMORY_MB);
});
