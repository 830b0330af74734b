// Dev report for the name finder and entity table (not a test): prints what was found on a corpus.
// Usage: node --import tsx test/eval/names-report.ts [dir-or-file…] [--sample N] [--persons N]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../server/src/service/text/sentences.ts';
import { findMentions } from '../../server/src/service/corpus/names.ts';
import { EntityTable, type MentionSite } from '../../server/src/service/corpus/entities.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : def;
};
const sample = opt('--sample', 1000);
const personsShown = opt('--persons', 20);
const roots = args.length ? args : ['corpus'];

function walk(p: string, out: string[]): void {
  if (statSync(p).isDirectory()) for (const f of readdirSync(p).sort()) walk(join(p, f), out);
  else if (/\.(md|txt)$/.test(p)) out.push(p);
}
let files: string[] = [];
for (const r of roots) walk(r, files);
// Deterministic sample spread over the whole list.
let seed = 42;
const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
if (files.length > sample) files = files.map((f) => [rand(), f] as const).sort((a, b) => a[0] - b[0]).slice(0, sample).map((x) => x[1]);

const table = new EntityTable();
let mentionCount = 0;
let findMs = 0;
let tableMs = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const fm = /^---\n[\s\S]*?\n---\n/.exec(text);
  const t0 = performance.now();
  const sentences = splitSentences(text, fm ? fm[0].length : 0);
  const mentions = findMentions(text, sentences);
  const t1 = performance.now();
  const sites: MentionSite[] = [];
  let si = 0;
  for (const m of mentions) {
    while (si < sentences.length - 1 && sentences[si].end <= m.start) si++;
    sites.push({ uri: f, sentence: si, mention: m });
  }
  table.setArticle(f, sites);
  tableMs += performance.now() - t1;
  findMs += t1 - t0;
  mentionCount += mentions.length;
}
const t2 = performance.now();
const entities = table.entities();
const resolveMs = performance.now() - t2;

const byKind = new Map<string, number>();
for (const e of entities) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
console.log(`articles ${files.length}, mentions ${mentionCount}, entities ${entities.length}`);
console.log('by kind', Object.fromEntries(byKind));
console.log(`findMentions+split ${(findMs / files.length * 1000 / 1000).toFixed(2)} s per 1,000 articles; ` +
  `setArticle ${(tableMs / files.length).toFixed(3)} ms/article; entities() ${resolveMs.toFixed(0)} ms`);
const persons = entities.filter((e) => e.kind === 'person');
console.log('\ntop entities:');
for (const e of entities.slice(0, 25)) console.log(`  ${e.kind.padEnd(12)} ${e.name} (${e.mentions.length}) aliases: ${e.aliases.slice(0, 5).join(' | ')}`);
console.log(`\n${personsShown} random persons:`);
const pick = persons.map((e) => [rand(), e] as const).sort((a, b) => a[0] - b[0]).slice(0, personsShown).map((x) => x[1]);
for (const e of pick) {
  console.log(`  ${e.name} (${e.mentions.length})` +
    (e.aliases.length ? ` aliases: ${e.aliases.slice(0, 4).join(' | ')}` : '') +
    (e.roles.length ? ` roles: ${e.roles.slice(0, 3).map((r) => r.text).join(' | ')}` : ''));
}
