// Small typed arrays carved from shared buffers. A typed array of its own costs about 250 bytes besides its
// numbers (an ArrayBuffer object, its backing store's bookkeeping outside the heap, the allocation's
// header), and an index keeps several small ones per article (a sentence table, the mentions' columns,
// the figures): 200,000 of them at 50,000 articles. Carved from 64 KB buffers they share that cost.
//
// A buffer lives while any array carved from it does: when articles are replaced one by one, the space of
// the ones gone is only given back with the last of their neighbours (at most the buffer's size for each
// array still held). Nothing here may reach `.buffer` expecting the array's own bytes alone.

const SLAB_BYTES = 64 * 1024;
/** Larger arrays get a buffer of their own. */
const MAX_CARVED = SLAB_BYTES / 16;

let slab: ArrayBuffer | undefined;
let used = 0;

function carve(bytes: number): number {
  // Every carved array starts on 8 bytes, so any element type fits.
  const size = (bytes + 7) & ~7;
  if (!slab || used + size > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const at = used;
  used += size;
  return at;
}

/** A zeroed Int32Array of `n`, carved from a shared buffer when small. */
export function int32s(n: number): Int32Array {
  if (n === 0 || 4 * n > MAX_CARVED) return new Int32Array(n);
  const at = carve(4 * n);
  return new Int32Array(slab as ArrayBuffer, at, n);
}

/** A zeroed Float64Array of `n`, carved from a shared buffer when small. */
export function float64s(n: number): Float64Array {
  if (n === 0 || 8 * n > MAX_CARVED) return new Float64Array(n);
  const at = carve(8 * n);
  return new Float64Array(slab as ArrayBuffer, at, n);
}
