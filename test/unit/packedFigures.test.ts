// An indexed article's figures packed into numbers (corpus/packedFigures.ts) and the small typed arrays
// carved from shared buffers (util/slab.ts): what comes back is what the number finder made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuantities } from '../../server/src/service/text/numbers.ts';
import { figureAt, packFigures } from '../../server/src/service/corpus/packedFigures.ts';
import { float64s, int32s } from '../../server/src/service/util/slab.ts';

const TEXT =
  'On 3 March 2005 the board said sales rose about 12% to more than £1.2bn, up 2.5 percentage points, ' +
  'after three weeks of talks; 40,000 staff, nearly $300m and 1,500 km of track were at stake in 2004, ' +
  'the third such deal, at No 2 in the chart, worth under €5 billion, by November 2017.';

test('packed figures come back as the number finder made them: same values, same properties in the same order', () => {
  const found = findQuantities(TEXT, 0, TEXT.length);
  assert.ok(found.length >= 8, `found ${found.length}`);
  assert.ok(found.some((q) => q.approx) && found.some((q) => q.unit) && found.some((q) => q.month !== undefined), 'qualifiers, units and dates are covered');
  const packed = packFigures(found, TEXT);
  assert.ok(packed);
  const back = found.map((_, i) => figureAt(packed, i, TEXT));
  assert.equal(JSON.stringify(back), JSON.stringify(found));
});

test('figures that do not pack are refused, so the article keeps them as objects', () => {
  const [q] = findQuantities(TEXT, 0, TEXT.length);
  assert.equal(packFigures([{ ...q, text: 'not the text' }], TEXT), undefined, 'a text that is not the article at its offsets');
  assert.equal(packFigures([{ ...q, month: 13 }], TEXT), undefined, 'a month out of range');
  assert.equal(packFigures([{ ...q, extra: 1 } as typeof q], TEXT), undefined, 'a property the packing does not know');
  assert.equal(packFigures([], TEXT)?.length, 0);
});

test('small typed arrays carved from shared buffers are zeroed and independent; large ones get their own', () => {
  const a = int32s(5);
  const b = float64s(3);
  const c = int32s(7);
  assert.deepEqual([...a, ...b, ...c], new Array(15).fill(0));
  a.fill(-1);
  c.fill(7);
  b.fill(1.5);
  assert.deepEqual([...a], [-1, -1, -1, -1, -1]);
  assert.deepEqual([...b], [1.5, 1.5, 1.5]);
  assert.deepEqual([...c], [7, 7, 7, 7, 7, 7, 7]);
  assert.equal(b.byteOffset % 8, 0, 'a Float64Array starts on 8 bytes');
  const big = int32s(100_000);
  assert.equal(big.byteOffset, 0);
  assert.equal(big.buffer.byteLength, 400_000);
});
