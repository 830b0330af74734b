import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/service/text/positions.ts';

test('maps offsets to positions across \\n, \\r\\n and \\r line breaks', () => {
  const text = 'ab\ncd\r\nef\rgh';
  const idx = new LineIndex(text);
  assert.equal(idx.lineCount, 4);
  assert.deepEqual(idx.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(idx.positionAt(2), { line: 0, character: 2 });
  assert.deepEqual(idx.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(idx.positionAt(7), { line: 2, character: 0 });
  assert.deepEqual(idx.positionAt(10), { line: 3, character: 0 });
  assert.deepEqual(idx.positionAt(12), { line: 3, character: 2 });
  for (let off = 0; off <= text.length; off++) {
    if (text[off - 1] === '\r' && text[off] === '\n') continue; // inside a \r\n break
    assert.equal(idx.offsetAt(idx.positionAt(off)), off, `round trip at ${off}`);
  }
});

test('clamps out-of-range input', () => {
  const idx = new LineIndex('ab\r\ncd');
  assert.deepEqual(idx.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(idx.positionAt(99), { line: 1, character: 2 });
  assert.deepEqual(idx.positionAt(Number.NaN), { line: 0, character: 0 });
  assert.equal(idx.offsetAt({ line: 0, character: 50 }), 2, 'past the line end stops before \\r\\n');
  assert.equal(idx.offsetAt({ line: 9, character: 0 }), 6);
  assert.equal(idx.offsetAt({ line: -1, character: 3 }), 0);
  assert.equal(idx.offsetAt({ line: 1, character: -4 }), 4);
  assert.equal(idx.lineAt(1000), 1);
});

test('counts UTF-16 code units and handles empty and trailing-break texts', () => {
  const idx = new LineIndex('😀x\n');
  assert.deepEqual(idx.positionAt(2), { line: 0, character: 2 });
  assert.equal(idx.lineCount, 2);
  assert.deepEqual(idx.positionAt(4), { line: 1, character: 0 });
  const empty = new LineIndex('');
  assert.equal(empty.lineCount, 1);
  assert.deepEqual(empty.positionAt(3), { line: 0, character: 0 });
});

test('rangeOf orders its ends', () => {
  const idx = new LineIndex('one\ntwo');
  assert.deepEqual(idx.rangeOf(6, 1), { start: { line: 0, character: 1 }, end: { line: 1, character: 2 } });
});

test('many lines and many look-ups (a hang guard; `npm run bench` measures speed)', { timeout: 60_000 }, () => {
  const text = 'x\n'.repeat(200_000);
  const idx = new LineIndex(text);
  for (let i = 0; i < 100_000; i++) assert.equal(idx.positionAt((i * 7919) % text.length).line, Math.floor(((i * 7919) % text.length) / 2));
  assert.equal(idx.lineAt(2 * 123_456 + 1), 123_456);
});
