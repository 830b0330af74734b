// A draft analysed again after an edit reuses the analysis of the blocks the edit left alone: the
// result must be the one analysing the new text from scratch gives, wherever the edit falls.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyseDraft, forgetAnalysedBlocks } from '../../server/src/service/check/draft.ts';
import { repo } from './fixtures/archiveCli.ts';

const base = readFileSync(path.join(repo, 'examples', 'draft.md'), 'utf8');

/** Small deterministic random numbers (a linear congruential generator). */
function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const INSERTS = ['Gordon B', ' said “We will', '\n\n', ' £4.5bn', 'Marta Lindqvist, the port director,', '"', ' in 2019.', '# Heading\n', '[^000_457fc4fb20ffefc9]', ' '];

test('an edited draft analysed with the blocks it did not change reused equals its analysis from scratch', () => {
  const rnd = random(7);
  let text = base;
  for (let i = 0; i < 120; i++) {
    const at = Math.floor(rnd() * text.length);
    const cut = rnd() < 0.3 ? Math.floor(rnd() * 40) : 0;
    text = text.slice(0, at) + (INSERTS[Math.floor(rnd() * INSERTS.length)] ?? '') + text.slice(at + cut);
    const doc = { uri: 'file:///draft.md', text };
    const reused = JSON.stringify(analyseDraft(doc));
    forgetAnalysedBlocks();
    assert.equal(reused, JSON.stringify(analyseDraft(doc)), `edit ${i} at ${at}`);
    // The next edit starts from a cache holding this version's blocks (and earlier ones).
    analyseDraft(doc);
  }
});

test('the same block elsewhere in a draft gets its own offsets', () => {
  const para = 'Marta Lindqvist, the port director, said the harbour handled 130 ships.';
  const one = analyseDraft({ uri: 'file:///a.md', text: `${para}\n` });
  const two = analyseDraft({ uri: 'file:///b.md', text: `Intro line here.\n\n${para}\n` });
  const [m1] = one.sentences[0].mentions;
  const m2 = two.sentences[1].mentions[0];
  assert.equal(two.text.slice(m2.start, m2.end), 'Marta Lindqvist');
  assert.equal(m2.start - m1.start, 'Intro line here.\n\n'.length);
  assert.notEqual(m1, m2);
});

test('an edit places again only the blocks it moved: those before it keep their analysed names, quotes and figures', () => {
  const doc = (tail: string) => ({ uri: 'file:///draft.md', text: `${base}\n${tail}` });
  const before = analyseDraft(doc('Gor'));
  const after = analyseDraft(doc('Gord'));
  const kept = before.sentences.filter((s) => s.mentions.length > 0 && s.end < base.length);
  assert.ok(kept.length > 3);
  for (const s of kept) assert.equal(after.sentences[s.index].mentions, s.mentions, `sentence ${s.index}`);
  // Moved by an edit before it, a block's names get new offsets (and the earlier analysis keeps its own).
  const moved = analyseDraft({ uri: 'file:///draft.md', text: `New opening line.\n\n${base}\nGord` });
  const first = kept[0];
  const shifted = moved.sentences.find((s) => s.text === first.text)!;
  assert.equal(shifted.mentions[0].start - first.mentions[0].start, 'New opening line.\n\n'.length);
  assert.equal(before.text.slice(first.mentions[0].start, first.mentions[0].end), moved.text.slice(shifted.mentions[0].start, shifted.mentions[0].end));
});
