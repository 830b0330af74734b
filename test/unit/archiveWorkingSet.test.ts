// The archive's working set on a real PostgreSQL 15 (no SQL mocked): a check holds the candidate sentences
// loose and only the articles it reads whole, within its bounds, with the embedded index's verdicts; name
// look-ups find a name under its aliases; hover cards count what the whole archive holds.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { PgCluster } from './fixtures/pgCluster.ts';
import { repo, sourced, testCluster } from './fixtures/archiveCli.ts';
import { readCorpusDir } from '../eval/corpusDir.ts';
import { createSourcedService } from '../../server/src/service/index.ts';
import type { DraftReport, SourcedService } from '../../server/src/service/api.ts';
import { ArchiveCorpus } from '../../server/src/service/archive/archiveCorpus.ts';
import { PgArchive } from '../../server/src/host/archive/pgArchive.ts';
import { searchTerm, type CorpusIndex } from '../../server/src/service/corpus/corpusIndex.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'sourced-working-set-'));
const corpus = path.join(tmp, 'corpus');
/** More articles naming the port's director than a check fetches per name (40). */
const PORT_NOTES = 45;
/** A pilot named in fewer articles, more often in each: in the few articles completion fetches per name,
 *  he is mentioned more often than the director, in the archive far less. */
const PILOT_NOTES = 5;
/** A quay master quoted in a few articles: his quotes are in articles a card holds by their names only. */
const QUAY_NOTES = 3;
/** A ferry captain named in full in a few articles, by her surname alone in as many others (no article
 *  of which names anyone else of that name): the whole corpus gives the surname to her, no article does. */
const FERRY_NOTES = 3;
let pg: PgCluster;
let embedded: SourcedService;

before(async () => {
  mkdirSync(corpus);
  for (const name of ['000_457fc4fb20ffefc9.md', '003_f2ab1d56b5c90fc2.md', '004_68f02583a50d8b2f.md']) {
    writeFileSync(path.join(corpus, name), readFileSync(path.join(repo, 'corpus', name)));
  }
  for (let i = 0; i < PORT_NOTES; i++) {
    writeFileSync(
      path.join(corpus, `port-${String(i).padStart(2, '0')}.md`),
      `---\ntitle: "Port notes ${i}"\noutlet: "Harbour Weekly"\ndate: 2020-03-${String((i % 28) + 1).padStart(2, '0')}\n---\n` +
        `Marta Lindqvist, the port director, said the harbour handled ${100 + i} ships in week ${i + 1}.\n\n` +
        `Lindqvist said the budget of the port would be reviewed by the council next year.\n\n` +
        (i % 9 === 0 ? `A trade mission from Myanmar praised the harbour's safety record in week ${i + 1}.\n` : `Dock workers unloaded grain and timber on pier ${i + 1}.\n`),
    );
  }
  for (let i = 0; i < PILOT_NOTES; i++) {
    writeFileSync(
      path.join(corpus, `pilot-${i}.md`),
      `---\ntitle: "Pilot notes ${i}"\noutlet: "Harbour Weekly"\n---\n` +
        `Anders Lindgren, a harbour pilot, said the tide was high in week ${i + 1}.\n\n` +
        `Lindgren said the pilots worked long shifts. Lindgren said the cranes were old. Lindgren said the channel needed dredging. Lindgren said he would retire in ${2030 + i}.\n`,
    );
  }
  for (let i = 0; i < QUAY_NOTES; i++) {
    writeFileSync(
      path.join(corpus, `quay-${i}.md`),
      `---\ntitle: "Quay notes ${i}"\noutlet: "Harbour Weekly"\n---\n` +
        `Tomas Eriksen, the quay master, said: "The north quay will reopen in week ${i + 3}."\n\n` +
        `Eriksen added: "Ships must wait at anchor until then."\n`,
    );
  }
  for (let i = 0; i < FERRY_NOTES; i++) {
    writeFileSync(path.join(corpus, `ferry-${i}.md`), `---\ntitle: "Ferry notes ${i}"\n---\nIngrid Solberg, the ferry captain, said the crossing took ${40 + i} minutes in week ${i + 1}.\n`);
    writeFileSync(path.join(corpus, `ferry-late-${i}.md`), `---\ntitle: "Ferry delays ${i}"\n---\nSolberg said the evening ferry left ${10 + i} minutes late on Friday.\n`);
  }
  // A quotation of rare words, found by the words it holds ("keepers lamp") as well as by its opening.
  writeFileSync(path.join(corpus, 'lighthouse.md'), `---\ntitle: "Lighthouse"\n---\nOla Berg, the harbourmaster, said: "At night the lighthouse keepers keep the lamp lit."\n`);
  writeFileSync(path.join(corpus, 'ferry-crew.md'), `---\ntitle: "Ferry crew"\n---\nKari Solberg, a deckhand, said the crew was short of hands.\n`);
  // A wire story, its reprint and an independent report of the same closure.
  const wire =
    `The Old Mill bridge in Kestrel Vale was closed to traffic on Tuesday after engineers found a crack in its main span.\n` +
    `Buses will use the ring road for at least three weeks, the county transport office said.\n` +
    `Inspector Rhona Baptiste said the crack had widened since the last survey in the spring.\n` +
    `Shopkeepers on Mill Street said trade had fallen by half since the diversion signs went up.\n` +
    `The county expects to publish the engineers' full report before the end of the month.\n`;
  writeFileSync(path.join(corpus, 'bridge-wire.md'), `---\ntitle: "Bridge closed"\noutlet: "Valley Wire"\n---\n${wire}`);
  writeFileSync(path.join(corpus, 'bridge-reprint.md'), `---\ntitle: "Bridge shut"\noutlet: "Vale Courier"\n---\n${wire.replace('before the end of the month', 'within weeks')}`);
  writeFileSync(
    path.join(corpus, 'bridge-report.md'),
    `---\ntitle: "Anger at bridge delays"\noutlet: "Kestrel Gazette"\n---\n` +
      `The Old Mill bridge in Kestrel Vale was closed to traffic on Tuesday after engineers found a crack in its main span.\n` +
      `Parents at the village school said the morning journey now took forty minutes longer.\n`,
  );
  pg = await testCluster();
  pg.createDb('ws');
  const sync = await sourced(['archive', 'sync', '--archive', pg.url('ws'), corpus], path.join(tmp, 'cache'));
  assert.equal(sync.code, 0, sync.stderr);
  embedded = createSourcedService();
  await embedded.upsertSources(readCorpusDir(corpus));
});
after(() => {
  pg?.destroy();
  rmSync(tmp, { recursive: true, force: true });
});

const claimsOf = (r: { claims: Array<{ start: number; end: number; verdict: string; sources: Array<{ uri: string; line: number }> }> }) =>
  r.claims.map((c) => `${c.start}-${c.end} ${c.verdict} ${c.sources.map((s) => `${s.uri}:${s.line}`).join(' ')}`);

const draft = { uri: 'file:///drafts/story.md', text: readFileSync(path.join(repo, 'examples', 'draft.md'), 'utf8') };
const portDraft = { uri: 'file:///drafts/port.md', text: 'Marta Lindqvist said the harbour handled 130 ships in week 31.\n\nA mission from Myanmar praised the safety record of the harbour.\n' };

async function withArchive<T>(run: (archive: PgArchive) => Promise<T>): Promise<T> {
  const archive = await PgArchive.open(pg.url('ws'));
  try {
    return await run(archive);
  } finally {
    await archive.close();
  }
}

/** The archive with each call's name noted in `calls`. */
function counting(archive: PgArchive): { counted: PgArchive; calls: string[] } {
  const calls: string[] = [];
  const counted = new Proxy(archive, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (...args: unknown[]) => (calls.push(String(prop)), (v as (...a: unknown[]) => unknown).apply(target, args)) : v;
    },
  });
  return { counted, calls };
}

const hoverText = async (service: SourcedService, doc: typeof portDraft, character: number, line = 0) => {
  const h = await service.getHover(doc, { line, character });
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
};

test('a check holds the candidates loose and the articles it reads whole, with the embedded verdicts', async () => {
  await withArchive(async (archive) => {
    const service = createSourcedService({ archive });
    for (const doc of [draft, portDraft]) assert.deepEqual(claimsOf(await service.checkDocument(doc)), claimsOf(await embedded.checkDocument(doc)));
    const held = (service.corpus as ArchiveCorpus).held.counts;
    assert.ok(held.looseSentences > 0, 'search hits whose article nothing read are held as sentences');
    assert.ok(held.articles < 3 + PORT_NOTES, `${held.articles} whole articles`);
    assert.ok(held.namesOnly > 0, 'articles naming the draft’s people are held by their names');
  });
});

test('a first check\'s partial report holds only claims judged with every read answered: each keeps its verdict', async () => {
  await withArchive(async (archive) => {
    const service = createSourcedService({ archive });
    // Longer than the first claims an archive reads and judges before the rest.
    const body = draft.text.replace(/^# .*$/m, '');
    const long = { uri: 'file:///drafts/long.md', text: `${draft.text}\n\n${portDraft.text}\n\n${body}\n\n${body}\n\n${body}` };
    const partials: DraftReport[] = [];
    // 0: report as soon as a claim is judged, and after each (the archive's first round judges with reads
    // missing, and its rounds run the check again).
    const whole = await service.checkDocument(long, undefined, undefined, { partialAfterMs: 0, partialEveryMs: 0, onPartial: (r) => partials.push(r) });
    // The first claims, read and judged as a request of their own; the rest reported at its end.
    assert.ok(partials.length === 1 && partials[0].claims.length < whole.claims.length, `${partials.length} partial reports of ${whole.claims.length} claims`);
    const final = new Set(claimsOf(whole));
    partials.forEach((partial, i) => {
      assert.ok(partial.partial && partial.claims.length > 0 && partial.claims.length <= whole.claims.length, `${partial.claims.length} of ${whole.claims.length}`);
      for (const c of claimsOf(partial)) assert.ok(final.has(c), `${c} in the whole report`);
      // Each holds every claim the one before held, and more.
      const next = partials[i + 1];
      if (next) for (const c of claimsOf(partial)) assert.ok(claimsOf(next).includes(c), `${c} in the next partial report`);
    });
    assert.deepEqual(claimsOf(whole), claimsOf(await embedded.checkDocument(long)));
    // With time to spare, the first claims' request is not reported on its own: the rest comes in time.
    const patient: DraftReport[] = [];
    const again = await createSourcedService({ archive }).checkDocument(long, undefined, undefined, { partialAfterMs: 600_000, onPartial: (r) => patient.push(r) });
    assert.equal(patient.length, 0);
    assert.deepEqual(claimsOf(again), claimsOf(whole));
  });
});

test('a claim backed by a wire story, its reprint and another report counts two independent sources, as in the embedded index', async () => {
  const doc = { uri: 'file:///drafts/bridge.md', text: 'The Old Mill bridge in Kestrel Vale was closed to traffic on Tuesday after engineers found a crack in its main span.\n' };
  const independence = async (service: SourcedService) => (await service.checkDocument(doc)).claims.map((c) => c.independence);
  const want = await independence(embedded);
  assert.deepEqual(want, [{ sources: 2, articles: 3 }]);
  await withArchive(async (archive) => assert.deepEqual(await independence(createSourcedService({ archive })), want));
});

test('the working set stays within its bounds: past them it starts afresh before the next request', async () => {
  await withArchive(async (archive) => {
    // Bounds smaller than one check needs: each request still gets all it needs (the same verdicts).
    const bounded = createSourcedService({ archive, archiveLimits: { maxSentences: 50 } });
    for (const doc of [draft, portDraft]) assert.deepEqual(claimsOf(await bounded.checkDocument(doc)), claimsOf(await embedded.checkDocument(doc)));
    // After the second check it holds what that check needed alone, nothing of the first.
    const alone = createSourcedService({ archive });
    await alone.checkDocument(portDraft);
    assert.deepEqual((bounded.corpus as ArchiveCorpus).held.counts, (alone.corpus as ArchiveCorpus).held.counts);
    const unbounded = createSourcedService({ archive });
    for (const doc of [draft, portDraft]) await unbounded.checkDocument(doc);
    assert.ok((unbounded.corpus as ArchiveCorpus).held.counts.sentences > (bounded.corpus as ArchiveCorpus).held.counts.sentences);
  });
});

test('a request started while a check runs does not drop what the check fetched, though past the bounds', async () => {
  const searchesOf = async (during?: (service: SourcedService, checked: () => boolean) => Promise<void>) =>
    withArchive(async (archive) => {
      // Counts the archive's searches (the real method runs).
      const search = archive.searchSentences.bind(archive);
      let searches = 0;
      archive.searchSentences = (...args) => {
        searches++;
        return search(...args);
      };
      // Past every bound: a request started while the check runs drops the articles held by their names.
      const service = createSourcedService({ archive, archiveLimits: { maxSentences: 50, maxMentions: 1 } });
      let done = false;
      const check = service.checkDocument(draft).then((r) => ((done = true), r));
      await during?.(service, () => done);
      assert.deepEqual(claimsOf(await check), claimsOf(await embedded.checkDocument(draft)));
      return searches;
    });
  const alone = await searchesOf();
  const withHover = await searchesOf(async (service, checked) => {
    // Polls (no sleep) until the check holds more than the bounds, then hovers while it still runs.
    const corpus = service.corpus as ArchiveCorpus;
    const deadline = performance.now() + 60_000;
    while (corpus.held.size.sentences <= 50 && !checked()) {
      assert.ok(performance.now() < deadline, 'the check fetched nothing');
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.ok(!checked(), 'the check was still running');
    await hoverText(service, portDraft, 2);
  });
  assert.equal(withHover, alone, 'the check searched again for what it had fetched');
});

test('a name is looked up under its aliases: "Burma" finds the articles writing "Myanmar"', async () => {
  await withArchive(async (archive) => {
    // A fresh working set: nothing but the hover fetches the articles naming the country.
    const service = createSourcedService({ archive });
    const doc = { uri: 'file:///drafts/burma.md', text: 'A mission from Burma praised the safety record of the harbour.\n' };
    const card = await hoverText(service, doc, 16);
    assert.match(card, /^\*\*Myanmar\*\*/);
    assert.equal(card, await hoverText(embedded, doc, 16));
  });
});

test('a sync while a service reads the archive: its next hover, completion and check see the archive as it is now', async () => {
  // Whether a sync changed the archive is asked once a request, after it ran or beside its first fetch,
  // or when the host asks: what the working set held, the cards, the names completion fetched and the
  // verdicts all go.
  const dir = path.join(tmp, 'live');
  mkdirSync(dir);
  const note = (n: number, minutes: number) =>
    writeFileSync(path.join(dir, `crossing-${n}.md`), `---\ntitle: "Crossing ${n}"\n---\nHedda Rosvik, the ferry captain, said the crossing took ${minutes} minutes on day ${n}.\n`);
  note(1, 40);
  note(2, 41);
  pg.createDb('live');
  const syncLive = async () => assert.equal((await sourced(['archive', 'sync', '--archive', pg.url('live'), dir], path.join(tmp, 'cache'))).code, 0);
  await syncLive();
  const archive = await PgArchive.open(pg.url('live'));
  try {
    let told = 0;
    // Requests that fetch nothing read the statistics however recently they were read (the next test
    // covers how old they may be).
    const service = createSourcedService({ archive, onArchiveChanged: () => told++, archiveLimits: { statsMaxAgeMs: 0 } });
    const doc = { uri: 'file:///drafts/crossing.md', text: 'Hedda Rosvik said the crossing took 55 minutes on day 3.\n' };
    const typed = { uri: 'file:///drafts/typing.md', text: 'The captain, Hedda Ro' };
    const now = async () => {
      const local = createSourcedService();
      await local.upsertSources(readCorpusDir(dir));
      const completion = async (s: SourcedService) => {
        const list = await s.getCompletions(typed, { line: 0, character: typed.text.length });
        return list.items.map((i) => `${i.label} ${i.detail ?? ''}`);
      };
      const verdicts = async (s: SourcedService) => claimsOf(await s.checkDocument(doc));
      // A hover shows the verdict of the draft's last check: checked first here.
      const checked = await verdicts(service);
      assert.deepEqual(checked, await verdicts(local));
      assert.equal(await hoverText(service, doc, 2), await hoverText(local, doc, 2));
      assert.deepEqual(await completion(service), await completion(local));
      return { hover: await hoverText(service, doc, 2), verdicts: checked };
    };
    const before = await now();
    assert.match(before.hover, /Mentioned in 2 articles/);
    assert.equal(await service.archiveChanged(), false);
    note(3, 55);
    await syncLive();
    // Asked (as an editor asks now and then): the service says so once, and tells its host.
    assert.equal(await service.archiveChanged(), true);
    assert.equal(await service.archiveChanged(), false);
    assert.equal(told, 1);
    const after = await now();
    assert.match(after.hover, /Mentioned in 3 articles/);
    assert.notDeepEqual(after.verdicts, before.verdicts);
    // Not asked: the next request finds the sync itself.
    note(4, 56);
    await syncLive();
    assert.match((await now()).hover, /Mentioned in 4 articles/);
    assert.equal(told, 2);
  } finally {
    await archive.close();
  }
});

test('a request that fetches nothing reads the statistics only when they are older than a second; one that fetches, beside its fetch', async () => {
  await withArchive(async (archive) => {
    const { counted, calls } = counting(archive);
    let now = 0;
    const corpus = new ArchiveCorpus(counted, { now: () => now });
    const stats = () => calls.filter((c) => c === 'stats').length;
    const count = () => corpus.satisfy(async () => corpus.articleCount);
    await count();
    assert.equal(stats(), 1, 'first read');
    now += 500;
    await count();
    assert.equal(stats(), 1, 'read half a second ago');
    now += 600;
    await count();
    assert.equal(stats(), 2, 'read over a second ago');
    // A request that misses a read fetches it and reads the statistics beside it, however recent.
    now += 100;
    calls.length = 0;
    await corpus.satisfy(async () => corpus.article('file:///no/such/article.md'));
    assert.deepEqual(calls.filter((c) => c === 'stats' || c === 'articlesByUri').sort(), ['articlesByUri', 'stats']);
  });
});

test('completion offers the names of the archive starting as typed, which no earlier request brought in', async () => {
  await withArchive(async (archive) => {
    // A fresh working set holds no name: the typed words find them in the archive's name table.
    const service = createSourcedService({ archive });
    const labels = async (text: string) => {
      const doc = { uri: 'file:///drafts/typing.md', text };
      const list = await service.getCompletions(doc, { line: 0, character: text.length });
      return list.items.map((i) => i.label);
    };
    const embeddedLabels = async (text: string) => (await embedded.getCompletions({ uri: 'file:///drafts/typing.md', text }, { line: 0, character: text.length })).items.map((i) => i.label);
    assert.ok((await labels('The report was written by Lindq')).includes('Marta Lindqvist'));
    // Cards inline (for editors that do not resolve items) for the first few names only: each card reads
    // the mentions of every article naming its entity.
    let inline: Awaited<ReturnType<typeof service.getCompletions>>['items'] = [];
    for (const typed of ['Then Ma', 'Then Ki', 'Then Ha', 'Then Jo', 'Then An', 'Then Ch', 'Then Sa', 'Then Ro']) {
      inline = (await service.getCompletions({ uri: 'file:///drafts/typing.md', text: typed }, { line: 0, character: typed.length })).items;
      if (inline.length > 3) break;
    }
    assert.ok(inline.length > 3, inline.map((i) => i.label).join(', '));
    assert.deepEqual(
      inline.map((i) => !!i.documentation),
      inline.map((_, i) => i < 3),
    );
    assert.ok((await labels('Then Marta Li')).includes('Marta Lindqvist'));
    // The typed words are looked up from the longest run down, a shorter run only once the longer named
    // no one: "Marta L" names her, so "L" alone (every name with a word in L) is not looked up.
    const asked: string[] = [];
    const counted = createSourcedService({
      archive: Object.assign(Object.create(archive) as PgArchive, {
        namesStarting: (words: readonly string[], limit: number) => (asked.push(words.join(' ')), archive.namesStarting(words, limit)),
      }),
    });
    const marta = (await counted.getCompletions({ uri: 'file:///drafts/typing.md', text: 'Then Marta L' }, { line: 0, character: 12 })).items.map((i) => i.label);
    assert.deepEqual(marta, await embeddedLabels('Then Marta L'));
    assert.ok(marta.includes('Marta Lindqvist'));
    assert.deepEqual(asked, ['then marta l', 'marta l']);
    // Ranked by the archive's counts, not by the few articles fetched for each name: with cards left for
    // `completionItem/resolve` (as VS Code asks), nothing else fetches all the articles naming them.
    const lazy = createSourcedService({ archive });
    const lazyLabels = async (text: string) =>
      (await lazy.getCompletions({ uri: 'file:///drafts/typing.md', text }, { line: 0, character: text.length }, undefined, { resolveDocumentation: true })).items.map((i) => i.label);
    const lind = await lazyLabels('Then Lind');
    assert.ok(lind.indexOf('Marta Lindqvist') >= 0 && lind.indexOf('Marta Lindqvist') < lind.indexOf('Anders Lindgren'), lind.join(', '));
    assert.deepEqual(lind, await embeddedLabels('Then Lind'));
    assert.deepEqual(await labels('A mission from Myan'), await embeddedLabels('A mission from Myan'));
    // A typo matches no name as typed: its fuzzy matches are names with a word starting as the typed word
    // does, fetched from the archive as the embedded index finds them among all its names.
    const typo = (await createSourcedService({ archive }).getCompletions({ uri: 'file:///drafts/typing.md', text: 'Then Lindqvsit' }, { line: 0, character: 14 })).items.map((i) => i.label);
    assert.equal(typo[0], 'Marta Lindqvist', typo.join(', '));
    assert.deepEqual(typo, await embeddedLabels('Then Lindqvsit'));
    assert.deepEqual(await labels('Qqzx'), []);
    // The names come from the archive's name table: typing fetches no article naming them.
    const quiet = createSourcedService({ archive });
    await quiet.getCompletions({ uri: 'file:///drafts/typing.md', text: 'Then Lind' }, { line: 0, character: 9 }, undefined, { resolveDocumentation: true });
    const held = (quiet.corpus as ArchiveCorpus).held.counts;
    assert.deepEqual([held.articles, held.namesOnly, held.sentences], [0, 0, 0]);
  });
});

test('completion after a fetch answers from the last name index (built again when idle); a local source\'s names are never late', async () => {
  await withArchive(async (archive) => {
    // The statistics are not read again here (no round trip lets the idle rebuild run in between).
    const service = createSourcedService({ archive, archiveLimits: { statsMaxAgeMs: 600_000 } });
    const corpus = service.corpus as ArchiveCorpus;
    const typing = async (text: string) => (await service.getCompletions({ uri: 'file:///drafts/typing.md', text }, { line: 0, character: text.length })).items.map((i) => i.label);
    assert.ok((await typing('Then Lindq')).includes('Marta Lindqvist'));
    // A hover fetches the articles naming her: the working set's names are to be resolved again.
    await service.getHover(portDraft, { line: 0, character: 2 });
    assert.equal(corpus.namesPrepared, false);
    assert.ok((await typing('Then Lindq')).includes('Marta Lindqvist'));
    assert.equal(corpus.namesPrepared, false, 'answered from the last name index, not after resolving the working set again');
    // Built in the idle moment after (polled with a deadline).
    const deadline = Date.now() + 10_000;
    while (!corpus.namesPrepared && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(corpus.namesPrepared);
    // A workspace's own source: its names at once.
    await service.getHover(portDraft, { line: 2, character: 15 });
    await service.upsertSources([{ uri: 'file:///notes/interview.md', text: 'Hanne Lindqvorst, a crane driver, said the quay was safe.\n' }]);
    assert.ok((await typing('Then Lindqvo')).includes('Hanne Lindqvorst'));
  });
});

test('a hover card counts every article of the archive naming the person, as the embedded index does', async () => {
  await withArchive(async (archive) => {
    const service = createSourcedService({ archive });
    const card = await hoverText(service, portDraft, 2);
    assert.match(card, new RegExp(`Mentioned in ${PORT_NOTES} articles \\(${2 * PORT_NOTES} times\\)`));
    assert.equal(card, await hoverText(embedded, portDraft, 2));
    // Counted by the archive's database: the working set holds only what resolving the name read
    // (40 articles naming it), not every article naming the director.
    const held = (service.corpus as ArchiveCorpus).held.counts;
    assert.ok(held.namesOnly + held.articles < PORT_NOTES, `${held.namesOnly} articles held by their names, ${held.articles} whole`);
  });
});

test('a surname alone, which no article resolves, counts on the card of the person the whole archive gives it to, as in the embedded index', async () => {
  await withArchive(async (archive) => {
    const doc = { uri: 'file:///drafts/ferry.md', text: 'Ingrid Solberg said the crossing was calm.\n' };
    const local = await hoverText(embedded, doc, 2);
    assert.match(local, new RegExp(`Mentioned in ${2 * FERRY_NOTES} articles \\(${2 * FERRY_NOTES} times\\)`));
    assert.match(local, /Also: Solberg/);
    // A fresh working set: it holds none of the articles writing the surname alone.
    assert.equal(await hoverText(createSourcedService({ archive }), doc, 2), local);
  });
});

test('a draft\'s names read ahead after a check: hovering them fetches nothing more', async () => {
  await withArchive(async (archive) => {
    const { counted, calls } = counting(archive);
    const service = createSourcedService({ archive: counted });
    await service.checkDocument(portDraft);
    assert.equal(await service.readAhead(portDraft), 2, 'Marta Lindqvist and Myanmar');
    calls.length = 0;
    assert.equal(await hoverText(service, portDraft, 2), await hoverText(embedded, portDraft, 2));
    assert.match(await hoverText(service, portDraft, 18, 2), /^\*\*Myanmar\*\*/);
    assert.deepEqual(calls.filter((c) => c !== 'stats'), [], 'only the statistics are read (has a sync changed the archive?)');
    // The embedded index has nothing to read ahead.
    assert.equal(await embedded.readAhead(portDraft), 0);
  });
});

test('an editor\'s service reads a draft\'s names ahead by itself once the draft is left alone after a check', async () => {
  await withArchive(async (archive) => {
    const { counted, calls } = counting(archive);
    const service = createSourcedService({ archive: counted, readAhead: true });
    await service.checkDocument(portDraft);
    assert.ok(!calls.includes('cardRows'), 'a check reads no card');
    // Polled with a deadline: the read-ahead starts a second after the check; then it is waited for.
    const deadline = Date.now() + 30_000;
    while (!calls.includes('cardRows') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await service.settled();
    assert.equal(calls.filter((c) => c === 'cardRows').length, 2, calls.join(', '));
    // The names it fetched are resolved and indexed in the idle moment after it, not by the first hover
    // or completion (polled with a deadline).
    const corpus = service.corpus as ArchiveCorpus;
    const until = Date.now() + 10_000;
    while (!corpus.namesPrepared && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    assert.ok(corpus.namesPrepared, 'names prepared after the read-ahead');
    calls.length = 0;
    assert.equal(await hoverText(service, portDraft, 2), await hoverText(embedded, portDraft, 2));
    assert.match(await hoverText(service, portDraft, 18, 2), /^\*\*Myanmar\*\*/);
    assert.deepEqual(calls.filter((c) => c !== 'stats'), []);
  });
});

test('a card\'s key quotes and a speaker\'s quote completions come from every article naming the speaker', async () => {
  await withArchive(async (archive) => {
    const doc = { uri: 'file:///drafts/quay.md', text: 'Tomas Eriksen said "The north\n' };
    // A fresh working set for each: nothing but the request itself fetches the speaker's articles.
    const card = await hoverText(createSourcedService({ archive }), doc, 2);
    assert.match(card, /north quay will reopen/);
    assert.equal(card, await hoverText(embedded, doc, 2));
    const at = { line: 0, character: doc.text.length - 1 };
    const quotes = async (service: SourcedService) => (await service.getCompletions(doc, at)).items.map((i) => i.label);
    const fromArchive = await quotes(createSourcedService({ archive }));
    assert.ok(fromArchive.length > 0, 'quotes completed');
    assert.deepEqual(fromArchive, await quotes(embedded));
  });
});

test('with no speaker named, the archive\'s quotations matching the typed words are offered as the embedded index offers them, fetching no article', async () => {
  await withArchive(async (archive) => {
    const items = async (service: SourcedService, typed: string) => {
      const text = `A clerk wrote "${typed}`;
      const list = await service.getCompletions({ uri: 'file:///drafts/quotes.md', text }, { line: 0, character: text.length });
      return list.items.map((i) => `${(i.textEdit as { newText: string }).newText} | ${i.detail}`);
    };
    const service = createSourcedService({ archive });
    // Three articles carry "Ships must wait at anchor until then." (before the one holding the words
    // elsewhere); "the north" starts one quotation and is held by another.
    for (const typed of ['Ships must', 'ships MUST wa', 'wait anchor', 'the north', 'Qqzx yy', 'lighthouse keepers', 'keepers lamp']) {
      assert.deepEqual(await items(service, typed), await items(embedded, typed), typed);
    }
    const ships = await items(service, 'Ships must');
    assert.match(ships[0], /^Ships must wait at anchor until then\."/);
    assert.match(ships[0], /Tomas Eriksen — Quay notes 0$/, 'the speaker and the article of the first carrying it');
    // From the quotations table: no article, name or sentence is fetched for them.
    const held = (service.corpus as ArchiveCorpus).held.counts;
    assert.deepEqual([held.articles, held.namesOnly, held.sentences], [0, 0, 0]);
  });
});

test('a local source the archive holds a copy of counts once in the statistics, and is not fetched again', async () => {
  await withArchive(async (archive) => {
    const service = createSourcedService({ archive });
    const copy = { uri: 'file:///notes/port-03.md', text: readFileSync(path.join(corpus, 'port-03.md'), 'utf8') };
    await service.upsertSources([copy]);
    const report = await service.checkDocument(portDraft);
    assert.equal(service.corpus.articleCount, embedded.corpus.articleCount);
    assert.equal(service.corpus.sentenceCount, embedded.corpus.sentenceCount);
    const term = searchTerm('lindqvist') ?? 'lindqvist';
    assert.equal((service.corpus as CorpusIndex).documentFrequency(term), (embedded.corpus as CorpusIndex).documentFrequency(term));
    assert.deepEqual(
      report.claims.map((c) => c.verdict),
      (await embedded.checkDocument(portDraft)).claims.map((c) => c.verdict),
    );
    assert.ok(![...service.corpus.articles()].some((a) => a.uri.endsWith('/corpus/port-03.md')), 'the archived copy is not fetched');
    // A source the archive does not hold counts beside it.
    await service.upsertSources([{ uri: 'file:///notes/interview.md', text: 'The harbour master, Ines Okafor, said the new pier will open on 3 March.\n' }]);
    await service.checkDocument(portDraft);
    assert.equal(service.corpus.articleCount, embedded.corpus.articleCount + 1);
    assert.equal(service.corpus.sentenceCount, embedded.corpus.sentenceCount + 1);
    // A copy added while the statistics are fresh is still compared with the archive's before the next
    // request answers (which fetches nothing).
    const fresh = createSourcedService({ archive, archiveLimits: { statsMaxAgeMs: 600_000 } });
    await fresh.checkDocument(portDraft);
    await hoverText(fresh, portDraft, 2);
    await fresh.upsertSources([{ uri: 'file:///notes/port-05.md', text: readFileSync(path.join(corpus, 'port-05.md'), 'utf8') }]);
    await hoverText(fresh, portDraft, 2);
    assert.equal(fresh.corpus.articleCount, embedded.corpus.articleCount);
  });
});

test('a local source\'s quotations are offered beside the archive\'s, and a local copy of an archived article counts once', async () => {
  await withArchive(async (archive) => {
    const service = createSourcedService({ archive });
    // A copy of an archived article carrying "Ships must wait at anchor until then." (the archive: three
    // articles), and three interviews carrying another quotation starting so.
    const copy = { uri: 'file:///notes/quay-0.md', text: readFileSync(path.join(corpus, 'quay-0.md'), 'utf8') };
    const interviews = [1, 2, 3].map((i) => ({ uri: `file:///notes/interview-${i}.md`, text: `Pilot ${i} said: "Ships must turn back in a storm."\n` }));
    await service.upsertSources([copy, ...interviews]);
    const text = 'A clerk wrote "Ships must';
    const items = async () => (await service.getCompletions({ uri: 'file:///drafts/quotes.md', text }, { line: 0, character: text.length })).items.map((i) => (i.textEdit as { newText: string }).newText);
    await service.checkDocument(portDraft); // compares the local sources with the archive's copies
    // Three articles each: the local sources' first among equals (the copy would make the archive's four).
    assert.deepEqual(await items(), ['Ships must turn back in a storm."', 'Ships must wait at anchor until then."']);
  });
});

/** Checks the draft, then a version with a new first sentence, counting the judgements the second check
 *  makes (the real method runs: each is one claim judged against the working set). */
async function recheck(archive: PgArchive, limits?: { maxSentences: number }) {
  const service = createSourcedService({ archive, archiveLimits: limits });
  const first = await service.checkDocument(draft);
  const corpus = service.corpus as ArchiveCorpus;
  const heldBefore = corpus.held.size.sentences;
  const track = corpus.track.bind(corpus);
  let judged = 0;
  corpus.track = (read) => {
    judged++;
    return track(read);
  };
  // The new sentence reads what the working set lacks (its words, its person's articles): fetched, and
  // the request runs again; the judgements made with every read answered stay.
  const edited = { uri: draft.uri, text: `Marta Lindqvist said the harbour handled 140 ships in week 12.\n\n${draft.text}` };
  const again = await service.checkDocument(edited);
  assert.deepEqual(claimsOf(again), claimsOf(await embedded.checkDocument(edited)));
  return { first, again, judged, heldBefore, heldAfter: corpus.held.size.sentences };
}

test('a re-check after an edit judges again only the claims the edit touched, with the embedded verdicts', async () => {
  await withArchive(async (archive) => {
    const { first, again, judged } = await recheck(archive);
    assert.ok(first.claims.length >= 5, `${first.claims.length} claims`);
    assert.ok(judged >= 2, `the new claim judged, then judged again once its reads were fetched (${judged})`);
    assert.ok(judged < first.claims.length, `${judged} judgements for ${again.claims.length} claims`);
  });
});

test('a re-check of a sentence edited a little searches the archive from where the sentences held for it before score', async () => {
  // The archive with a harbour log: a search of the draft's first sentence has more hits than a check
  // fetches (a server knows where the best score only when it holds that many).
  const log = path.join(tmp, 'harbour-log');
  mkdirSync(log);
  for (let i = 0; i < 50; i++) writeFileSync(path.join(log, `log-${i}.md`), `---\ntitle: "Harbour log ${i}"\n---\nThe harbour log lists the ships of week ${i + 1}.\n`);
  pg.createDb('wide');
  const sync = await sourced(['archive', 'sync', '--archive', pg.url('wide'), corpus, log], path.join(tmp, 'cache-wide'));
  assert.equal(sync.code, 0, sync.stderr);
  const wideEmbedded = createSourcedService();
  await wideEmbedded.upsertSources([...readCorpusDir(corpus), ...readCorpusDir(log)]);
  const archive = await PgArchive.open(pg.url('wide'));
  try {
    const reached: number[] = [];
    const hinting = new Proxy(archive, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (prop !== 'searchSentences' || typeof v !== 'function') return typeof v === 'function' ? v.bind(target) : v;
        return (...args: unknown[]) => (reached.push(Number(args[3] ?? 0)), (v as (...a: unknown[]) => unknown).apply(target, args));
      },
    });
    const service = createSourcedService({ archive: hinting });
    await service.checkDocument(portDraft);
    assert.ok(reached.length > 0 && reached.every((r) => r === 0), 'nothing held yet: the first check searches from nothing');
    reached.length = 0;
    // One figure changed: the sentence's best sentences in the archive are those held for it already.
    const edited = { uri: portDraft.uri, text: portDraft.text.replace('130 ships', '131 ships') };
    assert.deepEqual(claimsOf(await service.checkDocument(edited)), claimsOf(await wideEmbedded.checkDocument(edited)));
    assert.ok(reached.some((r) => r > 0), `the edited sentence's search starts from its held sentences' score (${reached.join(', ')})`);
  } finally {
    await archive.close();
  }
});

test('past its bounds, the working set starts afresh but keeps the judgements: a re-check judges again only what the edit touched', async () => {
  await withArchive(async (archive) => {
    // Bounds smaller than one check needs: the re-check starts with an empty working set.
    const { first, again, judged, heldBefore, heldAfter } = await recheck(archive, { maxSentences: 50 });
    assert.ok(heldBefore > 50, 'the first check held more than the bounds');
    assert.ok(heldAfter < first.claims.length * 30, 'the working set started afresh');
    // A claim naming people is judged once more while their names are fetched again (its key holds what
    // they resolve to), then found as judged before; clearing the judgements made it 36 for 11 claims.
    assert.ok(judged < 2 * again.claims.length, `${judged} judgements for ${again.claims.length} claims`);
  });
});
