// The verbs of reported speech ("said", "told", "warned", "according to"…) in the forms news text uses.

const SAYING = ['say', 'tell', 'add', 'declare', 'write', 'warn', 'ask', 'insist', 'explain', 'continue', 'argue', 'announce', 'reply', 'respond', 'acknowledge', 'admit', 'recall', 'suggest', 'stress', 'emphasise', 'emphasize', 'urge', 'predict', 'concede', 'confirm', 'deny', 'observe', 'remark', 'exclaim', 'shout', 'caution', 'conclude', 'boast', 'complain', 'agree', 'maintain', 'reiterate', 'testify', 'muse', 'quip', 'lament', 'retort', 'assert', 'allege', 'mention', 'whisper', 'plead', 'wonder', 'recount'];
// Verbs whose base and -s forms are mostly nouns in news ("the report", "his claims"): past and -ing only.
const SAYING_PAST_ONLY = ['state', 'note', 'claim', 'comment', 'tweet', 'post', 'report', 'answer', 'counter', 'joke', 'vow', 'promise', 'pledge', 'describe', 'repeat', 'demand', 'question', 'accuse', 'brand', 'dub', 'hail', 'condemn', 'criticise', 'criticize', 'dismiss'];
const IRREGULAR: Record<string, string[]> = {
  say: ['said'], tell: ['told'], write: ['wrote', 'written'],
};

/** Lower-case verb forms that introduce reported speech ("said", "told", "according to"…). */
export const ATTRIBUTION_VERBS: ReadonlySet<string> = buildVerbs();

function buildVerbs(): Set<string> {
  const out = new Set<string>(['according to']);
  for (const v of [...SAYING, ...SAYING_PAST_ONLY]) {
    const stem = v.endsWith('e') ? v.slice(0, -1) : v;
    const y = v.endsWith('y') && !/[aeiou]y$/.test(v);
    if (SAYING.includes(v)) {
      out.add(v);
      out.add(y ? `${v.slice(0, -1)}ies` : /(?:s|sh|ch|x)$/.test(v) ? `${v}es` : `${v}s`);
    }
    out.add(`${stem}ing`);
    const irregular = IRREGULAR[v];
    if (irregular) for (const f of irregular) out.add(f);
    else out.add(y ? `${v.slice(0, -1)}ied` : v.endsWith('e') ? `${v}d` : /[^aeiou][aeiou][pt]$/.test(v) && v !== 'post' ? `${v}${v.slice(-1)}ed` : `${v}ed`);
  }
  // Doubled consonants the rule above misses or invents.
  out.add('admitted').add('admitting').add('regretted').add('labelled').add('labelling').add('labeled');
  return out;
}

/** A quick test that a text has a saying verb at all, before it is read word by word. */
export const VERB_HINT = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...ATTRIBUTION_VERBS].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
