// A corpus the service no longer uses is garbage: nothing module-level (checker caches) may keep it alive
// beside its successor, or a re-index of a large corpus needs twice its memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSourcedService } from '../../server/src/service/index.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const article = (i: number) => `# Mill ${i} reopens\n\nMill owner Petra Vance said the mill in Hollin would reopen with ${i + 40} workers.\n\n"We are back," Vance told the Hollin Gazette on Monday.\n`;

async function usedThenDropped(): Promise<WeakRef<object>> {
  const service = createSourcedService();
  await service.upsertSources(Array.from({ length: 20 }, (_, i) => ({ uri: `file:///corpus/mill-${i}.md`, text: article(i) })));
  const draft = { uri: 'file:///d.md', text: 'Petra Vance said the mill in Hollin would reopen with 45 workers.\n\nVa', version: 1 };
  await service.checkDocument(draft);
  await service.getHover(draft, { line: 0, character: 2 });
  await service.getCompletions(draft, { line: 2, character: 2 });
  return new WeakRef(service.corpus);
}

test('a checked corpus is released with its service', async () => {
  const ref = await usedThenDropped();
  // A WeakRef's target lives until the current job ends; collect after a macrotask, until a deadline.
  const deadline = Date.now() + 5_000;
  while (ref.deref() && Date.now() < deadline) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  assert.equal(ref.deref(), undefined, 'the corpus is still reachable after its service was dropped');
});
