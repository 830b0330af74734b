// The main verb of a claim (check/predicate.ts), on invented sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimPredicate } from '../../server/src/service/check/predicate.ts';
import { paraphrasesOf } from '../../server/src/service/check/lexicon.ts';
import { stem } from '../../server/src/service/text/words.ts';
import { subjectOf } from '../../server/src/service/check/predicateSupport.ts';
import type { ClaimName } from '../../server/src/service/check/nameMatch.ts';
import type { DraftSentence } from '../../server/src/service/check/draft.ts';

const main = (s: string) => claimPredicate(s, []).map((p) => p.text);

test('the main verb of the main clause, past framing verbs, participles and relative clauses', () => {
  assert.deepEqual(main('The harbour master has resigned.'), ['resigned']);
  assert.deepEqual(main('Mayor Reyes said the council would scrap the proposed toll.'), ['scrap'], 'framing verb and adjectival participle skipped');
  assert.deepEqual(main('The ferry operator who went bankrupt in May has been bought by a rival.'), ['bought'], 'a relative clause is not the event');
  assert.deepEqual(main('She became the youngest skipper to win the regatta.'), [], 'an infinitive after a noun completes the noun');
  // The tagger reads "close" and "open" after a modal as adjectives: after a modal comes a verb.
  assert.deepEqual(main('The retailer said it would close a number of its stores.'), ['close']);
  assert.deepEqual(main('The firm said it will soon open a new studio in Lisbon.'), ['open']);
  // A condition's verb is not the event; an adjective like "ready" leads to the verb after it.
  assert.deepEqual(main('The governor said the bank would be ready to cut rates if spending stayed weak.'), ['cut']);
  // What a framing verb asks of someone is the event asked for ("called on … to resign").
  const [asked] = claimPredicate('The opposition has called on the harbour master to resign.', []);
  assert.equal(asked.text, 'resign');
  assert.equal(asked.said, 'has called on the harbour master to resign');
});

test('a phrasal verb is stated by head and particle together or by a synonym, not by its head alone', () => {
  const [p] = claimPredicate('The striker turned down a move to the capital.', []);
  assert.equal(p.text, 'turned down');
  assert.ok(p.stems.includes('turn+=down'));
  assert.ok(!p.stems.includes('turn'));
  assert.ok(p.stems.some((s) => s.startsWith('reject')), 'WordNet synonym of the phrasal verb');
});

test('synonyms, derived nouns and opposites come from WordNet and news directions', () => {
  const [knighted] = claimPredicate('The conductor was knighted last year.', []);
  assert.ok(knighted.stems.some((s) => s.startsWith('knight')));
  const [rose] = claimPredicate('Profits rose sharply.', []);
  assert.ok(rose.opposites.includes('fell') || rose.opposites.includes('fall'), 'rise/fall');
  const [backed] = claimPredicate('The union backed the plan.', []);
  assert.ok(backed.opposites.some((s) => s.startsWith('oppos')), 'back/oppose');
});

test('a sports result written with a stronger verb is the same result ("thrashed" for "victory")', () => {
  assert.ok(paraphrasesOf(stem('thrash')).includes(stem('victory')));
  assert.ok(paraphrasesOf(stem('victory')).includes(stem('hammer')));
});

test('a participle working as a preposition is not the event', () => {
  assert.deepEqual(main('The minister briefed the council regarding the harbour plans.'), ['briefed']);
  assert.deepEqual(main('Following the vote, the assembly adjourned.'), ['adjourned']);
  assert.deepEqual(main('The producer said she was considering legal action.'), ['considering'], 'with auxiliaries it is a verb');
});

test('the subject is the name nearest the verb that is neither a preposition\'s object nor a possessor', () => {
  const subject = (text: string, names: string[]) => {
    const claimNames = names.map((n) => {
      const start = text.indexOf(n);
      return { mention: { text: n, start, end: start + n.length, kind: 'person' }, words: n.toLowerCase().split(' ') } as unknown as ClaimName;
    });
    const s = { start: 0, end: text.length, text } as unknown as DraftSentence;
    return subjectOf(claimNames, claimPredicate(text, []), s)?.mention.text;
  };
  assert.equal(subject('Dock worker Ana Ruiz found silt at the quay.', ['Ana Ruiz']), 'Ana Ruiz');
  assert.equal(subject('A survey by Dr Ana Ruiz found silt at the quay.', ['Ana Ruiz']), undefined);
  assert.equal(subject('Supporters of Ana Ruiz and Tom Ek marched to the quay.', ['Ana Ruiz', 'Tom Ek']), undefined);
  assert.equal(subject("Ana Ruiz's survey found silt at the quay.", ['Ana Ruiz']), undefined);
  assert.equal(subject("Port chief Tom Ek's deputy Ana Ruiz resigned.", ['Tom Ek', 'Ana Ruiz']), 'Ana Ruiz');
  // A name inside an apposition closed before the verb is not its subject.
  assert.equal(subject('Ana Ruiz, head of the laboratory at harbour firm Ostmark, said the quay had silted up.', ['Ana Ruiz', 'Ostmark']), 'Ana Ruiz');
  assert.equal(subject('Ana Ruiz, head of the laboratory at harbour firm Ostmark, resigned.', ['Ana Ruiz', 'Ostmark']), 'Ana Ruiz');
});

test('with no content verb, an adjective after a copula is what the claim says', () => {
  assert.deepEqual(main('The harbour master said he was deeply ashamed of the delays.'), ['ashamed']);
  assert.deepEqual(main('The old ferry was unsafe.'), ['unsafe']);
  assert.deepEqual(main('The harbour master resigned, furious at the board.'), ['resigned'], 'a verb comes first');
});

test('the verb an infinitive leads to is part of the claim; a verb of intention leaves it alone', () => {
  assert.deepEqual(main('The harbour master has threatened to sue the council.'), ['threatened', 'sue']);
  assert.deepEqual(main('The harbour master decided to sue the council.'), ['sue']);
  assert.equal(claimPredicate('The harbour master has threatened to sue the council.', [])[1].said, 'has threatened to sue');
});
