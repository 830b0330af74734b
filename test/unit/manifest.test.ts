import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SERVER_MAX_MEMORY_MB } from '../../server/src/protocol.ts';
import { defaultSettings } from '../../server/src/service/api.ts';

test("the heap-cap setting's default is the one the client falls back on and the soak uses", () => {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const setting = manifest.contributes.configuration.properties['sourced.server.maxMemoryMB'];
  assert.equal(setting.default, DEFAULT_SERVER_MAX_MEMORY_MB);
});

test('every diagnostic code has a severity setting in the manifest with the service default', () => {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const properties = manifest.contributes.configuration.properties;
  for (const [code, level] of Object.entries(defaultSettings.severity)) {
    const setting = properties[`sourced.severity.${code}`];
    assert.ok(setting, `sourced.severity.${code} in package.json`);
    assert.equal(setting.default, level, code);
    assert.equal(setting.scope, 'resource', code);
  }
});
