// Claims that change one detail of what their source says: the polarity of the passage that says it
// (though a neighbouring sentence is not negated), a count of something else, an ordinal, a sum in
// pence. Invented corpus; each claim is also checked in its faithful form, which must stay supported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim } from '../../server/src/service/types.ts';
import { oneClaimAgainst } from './fixtures/oneClaim.ts';
import { figureDirection } from '../../server/src/service/check/direction.ts';
import { markReported } from '../../server/src/service/check/polarity.ts';
import type { ClaimTerm } from '../../server/src/service/check/evidence.ts';
import { searchTerm } from '../../server/src/service/corpus/sentenceIndex.ts';

const football = `# Vandermolen rules out new striker

Harbour United manager Piet Vandermolen says he has no plans to sign a new striker during the summer transfer window.

Vandermolen has picked Oskar Lindahl for the last three games after injuries to his first-choice players.

The club's owners backed the manager's decision on Monday.

Vandermolen has signed a new contract to stay at the club until May 2027.
`;

const politics = `# Kavanagh eyes third term

Premier Ilse Kavanagh told her party conference that she would seek a third term in power at the next election.

Her spring budget put 2p on a litre of petrol and 5p on a packet of cigarettes.

Finance minister Tobias Renn said the budget was fair.
`;

const telecom = `# Norvane offers free calls

Norvane is offering customers free internet calls if they sign up to broadband in March.

The offer will be limited to the first 5,000 customers who sign up and there are limits - the free calls do not include calls to mobiles.

Norvane has struggled to keep its customers.

Talks in March between Norvane and the regulator failed to settle the dispute over prices. Both sides said
the last round had been difficult.
`;

/** One indexed corpus for every test (each claim is a draft of its own). */
const verdictOf = oneClaimAgainst([
  { uri: 'file:///corpus/football.md', text: football },
  { uri: 'file:///corpus/politics.md', text: politics },
  { uri: 'file:///corpus/telecom.md', text: telecom },
  { uri: 'file:///corpus/survey.md', text: '# Readers survey\n\nOf the 30 million Velmarians who own e-readers, 62% are men compared to 38% of women, the survey found.\n' },
  { uri: 'file:///corpus/cup.md', text: '# Okafor calm after cup exit\n\nHarbour Rovers boss Tomas Okafor said he had no regrets after his young side lost 3-0 away at Eastport in the cup.\n' },
  { uri: 'file:///corpus/port.md', text: '# Port strike\n\nDock workers said they would leave the port on Friday.\n' },
  { uri: 'file:///corpus/designer.md', text: '# Korvel stays\n\nFashion designer Anja Korvel said she planned to stay at the label she founded in 1998.\n' },
  { uri: 'file:///corpus/inquiry.md', text: '# No charges for Marsh\n\nProsecutors in Eastport said they found insufficient evidence to charge councillor Dana Marsh over the land sale.\n\nThe sale raised enough money to repair the harbour wall.\n' },
  { uri: 'file:///corpus/quist.md', text: '# Quist cleared\n\nLawyer Walter Brennan said the singer Ada Quist was pleased with the decision regarding her song.\n' },
  { uri: 'file:///corpus/press.md', text: '# Paper row\n\nThe newspaper will consider suing the council if it goes ahead with the ban on its story.\n' },
  { uri: 'file:///corpus/halvard.md', text: '# Spending slows\n\nHalvard Bank chief economist Mira Toll said the December retail figures were weak.\n\nThe bank\'s chief executive, Olaf Brenn, declined to comment.\n' },
  { uri: 'file:///corpus/okoro.md', text: '# Okoro wins again\n\nRunner Tayo Okoro won the 800m at the Harmon Cup in Velden last weekend.\n\nOkoro now hopes to race at an indoor meeting in Marsk on Sunday.\n' },
  { uri: 'file:///corpus/velden.md', text: '# Velden win\n\nVelden beat Harbour Rovers 2-0 on Saturday. Velden have now won three games in a row.\n' },
  {
    uri: 'file:///corpus/kessing.md',
    text: '# Kessing terminal\n\nMayor Ines Varga said the council would build a ferry terminal at Kessing.\n\nThe terminal will cost £40m.\n\nWork starts in March.\n\nResidents want cheaper fares for pensioners and students.\n\nThe ferry will run every hour.\n\nBus routes to the harbour will be cut in the spring.\n',
  },
  { uri: 'file:///corpus/kelby.md', text: '# Kelby bid\n\nIn a statement on Thursday, the Kelby Exchange said any offer for the Orrin bourse would be made in cash.\n\nTalks with the Orrin bourse are due on Friday.\n' },
  { uri: 'file:///corpus/code.md', text: '# Code breaches\n\nThe regulator has cautioned many ringtone firms for not honouring the code.\n\nReporters asked: were there racist chants at the Orrin stadium?\n' },
  { uri: 'file:///corpus/shops.md', text: '# Small shops squeezed\n\nRetail analyst Oskar Brandt said fierce competition was making it difficult for small firms to reach shoppers.\n\nCheaper fares made it easier for pensioners to travel into town.\n' },
  { uri: 'file:///corpus/brankin.md', text: '# Hospital escape\n\nResponsibility for the Orrin hospital rests with Mora Tennant, the deputy health minister.\n\nThe deputy justice minister, Ivo Lanz, said the escape was regrettable.\n' },
  { uri: 'file:///corpus/rugby.md', text: '# Six Nations\n\nFrance face Ireland in Dublin on Saturday in what coach Ari Pell calls their hardest game.\n' },
  { uri: 'file:///corpus/handset.md', text: '# Norvane handset\n\nNorvane will bring its new handset to market a year ahead of schedule.\n\nThe rival model is running behind schedule.\n' },
  { uri: 'file:///corpus/games.md', text: '# Orrin Games\n\nSprinter Ada Quist won silver in the 400m at the Orrin Games.\n\nHer team-mate took bronze in the relay.\n' },
  { uri: 'file:///corpus/berg.md', text: '# Berg recalled\n\nWinger Tomas Berg won his first cap in 2001, an away loss to Ostland.\n\nThe side later earned a home win over Velmar.\n\nBerg is the only Ostland-born player remaining from the side that played in 2001.\n\nThe Ostland match was stopped with the score at 1-1 and two minutes of normal time remaining in the game.\n' },
  { uri: 'file:///corpus/chains.md', text: '# Store merger\n\nDenton has annual sales of $9.2bn, while Harlow Stores has yearly sales of $7.1bn.\n\nBoth chains want a bigger share of the Velmar market.\n' },
  { uri: 'file:///corpus/appeal.md', text: '# Ferry appeal\n\nThe Orrin appeals court ruled in favour of the ferry company Norland Lines in March.\n\nThe harbour board had voted against the new timetable.\n' },
  { uri: 'file:///corpus/health.md', text: '# Health savings\n\nHealth minister Ola Brandt said the health service found £2bn of savings in its hospitals.\n' },
  {
    uri: 'file:///corpus/velmar.md',
    text: '# Velmar economy grows\n\nVelmar\'s gross domestic product rose by 2.3% last year, the national statistics office said.\n\nThe Velmar central bank left its main interest rate unchanged at 3% on Thursday.\n\nThe country\'s currency has been strong for a year, though imports fell in the spring.\n\nVelmar carmakers sold 4.2% more cars in 2026 than the year before, while truck sales were down 1.5%.\n\n"If exports weaken and wages stay flat, we cannot expect much from 2027," said analyst Rena Moss.\n',
  },
  { uri: 'file:///corpus/moss.md', text: '# Moss trial\n\nFormer Norvane boss Ari Moss, who is accused of overseeing a $2bn fraud, never made accounting decisions, a witness has told jurors.\n' },
  { uri: 'file:///corpus/kessler.md', text: '# Kessler criticises ferry plan\n\nFormer Labour MP Lord Kessler, a long-standing critic of the harbour board, called the ferry plan "reckless".\n\nFormer Conservative MP Ivo Brandt said the plan was sound.\n' },
  { uri: 'file:///corpus/premiere.md', text: '# Musical delayed\n\nThe show\'s opening night on 12 May at the Harbour Palace Theatre in Kessing remains unaffected by the changes.\n' },
  { uri: 'file:///corpus/ferry-weather.md', text: '# Ferry weather\n\nStorms did not affect the ferry timetable this week.\n' },
  { uri: 'file:///corpus/menu.md', text: '# Menu change\n\nThe Orrin Grill chain scrapped its largest meals last year, but denied the move was a result of the bad publicity.\n\nIts rival Velden Diner acknowledged that sales had fallen.\n' },
  { uri: 'file:///corpus/injury.md', text: '# Rovers change\n\nStriker Ivo Randal came on after 55 minutes, returning after six weeks out with a knee injury.\n\nDefender Ola Vik missed the match with an ankle problem.\n' },
  { uri: 'file:///corpus/boxoffice.md', text: '# Box office\n\nThe Orrin thriller Lantern opened at number four at the Velden box office, taking $9.8m.\n' },
  { uri: 'file:///corpus/forecast.md', text: '# Harbour forecasts\n\nThe forecasts are based on predictions of trade growth of 1.5% in Ostland next year and 2.2% in Marsk.\n\nOstland\'s economic growth rate is projected to be 2% this year and 2.4% next.\n' },
  {
    uri: 'file:///corpus/orrin-results.md',
    text: '# Orrin results\n\nOrrin Stores saw its same store sales sink by 8.8% as it battled fierce competition.\n\nShares in the Velden chain climbed on Monday.\n\nThe Velden jobless total rose by a higher than expected 17,000 to 4.483 million.\n\nA smaller ferry will sail on Monday.\n',
  },
  {
    uri: 'file:///corpus/gig.md',
    text: '# Tinmen gig\n\nThe Tinmen played a warm-up show for fans and friends at the Lantern Club, north Kessing, on Monday before their first tour of Ostland.\n\nThe Velden factory index fell to 48.1, a bigger fall than expected.\n\nKessing is a port in south Ostland.\n',
  },
  { uri: 'file:///corpus/glasshouse.md', text: '# Glasshouse film\n\nThe novel Glasshouse was turned into a film by Oskar Tenby in 1998, with Ilse Marr in the lead role.\n\nOskar Tenby and Ilse Marr met in Kessing in 1995.\n' },
  {
    uri: 'file:///corpus/richlist.md',
    text: '# Vell tops rich list\n\nSinger Ana Vell earned more than any other pop star last year, according to Chart Weekly magazine.\n\nThey were ahead of the crooner Milo Darst, who took fourth place and almost $42.7m from his tours. Other names in the list included Rena Holm, whose third volume of covers sold well.\n',
  },
  {
    uri: 'file:///corpus/rovers.md',
    text: '# Okafor happy with squad\n\nHarbour Rovers boss Tomas Okafor said he was happy with his squad "because I don\'t need defenders".\n\nRovers goalkeeper Jan Berg, 31, was injured in training on Friday.\n',
  },
]);

/** The claim with one detail changed is flagged, the faithful one beside it supported; returns the first. */
async function flagsTheChange(changed: string, faithful: string): Promise<Claim> {
  const claim = await verdictOf(changed);
  assert.notEqual(claim.verdict, 'supported');
  const kept = await verdictOf(faithful);
  assert.equal(kept.verdict, 'supported', kept.reason);
  return claim;
}

/** As `flagsTheChange`, the changed claim contradicted, the source giving `source` for the change. */
async function contradictedBy(changed: string, faithful: string, source: string): Promise<Claim> {
  const claim = await flagsTheChange(changed, faithful);
  assert.equal(claim.verdict, 'contradicted', claim.reason);
  assert.equal(claim.conflict?.source, source);
  return claim;
}

test('a negated passage does not back the positive claim, though its neighbour is not negated', async () => {
  await flagsTheChange(
    'Piet Vandermolen said Harbour United would sign a new striker during the summer transfer window.',
    'Piet Vandermolen said Harbour United had no plans to sign a new striker during the summer transfer window.',
  );
});

test('a word that is its base negated is a negation: "insufficient evidence" is "not enough evidence"', async () => {
  await flagsTheChange(
    'Prosecutors in Eastport said they had sufficient evidence to charge councillor Dana Marsh over the land sale.',
    'Prosecutors in Eastport said there was not enough evidence to charge councillor Dana Marsh over the land sale.',
  );
});

test('a passage naming the claim\'s people but saying nothing of what they did does not back it', async () => {
  await flagsTheChange(
    'Walter Brennan said Ada Quist would consider suing the council.',
    'Walter Brennan said Ada Quist was pleased with the decision.',
  );
});

test('a title the sources give the person nowhere, where they give another, is contradicted', async () => {
  const claim = await contradictedBy(
    'Halvard Bank chief executive Mira Toll said the December retail figures were weak.',
    'Halvard Bank chief economist Mira Toll said the December retail figures were weak.',
    'chief economist',
  );
  assert.equal(claim.conflict?.draft, 'chief executive');
  // A title the claim dates may be one the sources no longer give.
  assert.equal((await verdictOf('Former Halvard Bank chief executive Mira Toll said the December retail figures were weak.')).verdict, 'supported');
  assert.notEqual((await verdictOf('Incoming Halvard Bank chief executive Mira Toll said the December retail figures were weak.')).verdict, 'contradicted');
});

test('another place in the claim\'s own words contradicts it, though the article names the claim\'s place elsewhere', async () => {
  // "in Velden", a name the corpus knows best as a football club, is a place after "in".
  await contradictedBy('Tayo Okoro won the 800m at the Harmon Cup in Marsk last weekend.', 'Tayo Okoro won the 800m at the Harmon Cup in Velden last weekend.', 'Velden');
});

test('what someone said is backed by a passage saying half of it, not by words gathered from across the article', async () => {
  await flagsTheChange(
    'Mayor Ines Varga said the council would build cheaper bus routes to the harbour for pensioners and students in the spring.',
    'Mayor Ines Varga said the council would build a ferry terminal at Kessing.',
  );
});

test('another weekday in the passage, where the article never names the claim\'s, contradicts it', async () => {
  await contradictedBy(
    'In a statement on Tuesday, the Kelby Exchange said any offer for the Orrin bourse would be made in cash.',
    'In a statement on Thursday, the Kelby Exchange said any offer for the Orrin bourse would be made in cash.',
    'Thursday',
  );
  // A day the article names elsewhere may be the claim's: "talks on Friday" is no rival of "Friday".
  assert.equal((await verdictOf('Talks between the Kelby Exchange and the Orrin bourse are due on Friday.')).verdict, 'supported');
});

test('"failing to" is a negation, and a question backs nothing', async () => {
  const failing = await verdictOf('The regulator has cautioned many ringtone firms for failing to honour the code.');
  assert.equal(failing.verdict, 'supported', failing.reason);
  assert.notEqual((await verdictOf('There were racist chants at the Orrin stadium.')).verdict, 'supported');
});

test('the opposite word between the same words contradicts the claim', async () => {
  const claim = await contradictedBy(
    'Retail analyst Oskar Brandt said fierce competition was making it easier for small firms to reach shoppers.',
    'Retail analyst Oskar Brandt said fierce competition was making it difficult for small firms to reach shoppers.',
    'difficult',
  );
  assert.equal(claim.conflict?.draft, 'easier');
  // A medal's colour: "took bronze in the 400m" for "won silver in the 400m".
  await contradictedBy('Sprinter Ada Quist took bronze in the 400m at the Orrin Games.', 'Sprinter Ada Quist won silver in the 400m at the Orrin Games.', 'silver');
  // An outcome, though the source also writes the claim's word elsewhere ("won his first cap"):
  // "an away win over Ostland" for "an away loss to Ostland".
  await contradictedBy('Winger Tomas Berg won his first cap in 2001, in an away win over Ostland.', 'Winger Tomas Berg won his first cap in 2001, an away loss to Ostland.', 'loss');
  // The side taken after the same verb: "ruled against" for "ruled in favour of".
  await contradictedBy('The Orrin appeals court ruled against the ferry company Norland Lines in March.', 'The Orrin appeals court ruled in favour of the ferry company Norland Lines in March.', 'in favour of');
  // A position in time between the same words: "a year behind schedule" for "a year ahead of schedule".
  await contradictedBy('Norvane will bring its new handset to market a year behind schedule.', 'Norvane will bring its new handset to market a year ahead of schedule.', 'ahead');
});

test('the same head with another office before it is another title: "deputy justice minister" for "deputy health minister"', async () => {
  await contradictedBy(
    'Responsibility for the Orrin hospital rests with Mora Tennant, the deputy justice minister.',
    'Responsibility for the Orrin hospital rests with Mora Tennant, the deputy health minister.',
    'deputy health minister',
  );
});

test('a place written as a location is not found through the country it stands for', async () => {
  // "Paris" may stand for France ("Paris said…"), but "in Paris" names where the game is.
  assert.notEqual((await verdictOf('France face Ireland in Paris on Saturday in what coach Ari Pell calls their hardest game.')).verdict, 'supported');
  assert.equal((await verdictOf('France face Ireland in Dublin on Saturday in what coach Ari Pell calls their hardest game.')).verdict, 'supported');
});

test('a negation in another clause of the passage does not reverse it', async () => {
  const claim = await verdictOf("Norvane's free calls offer is limited to the first 5,000 customers who sign up.");
  assert.equal(claim.verdict, 'supported', claim.reason);
  // The passage that says it is among the evidence, not only its neighbours.
  assert.ok(claim.sources.some((s) => s.text.includes('limited to the first 5,000')), JSON.stringify(claim.sources.map((s) => s.text)));
});

test('a count of something else does not back a count', async () => {
  await flagsTheChange('Piet Vandermolen said Harbour United would pick three new players.', 'Piet Vandermolen has picked Oskar Lindahl for three games.');
});

test('"the two sides" refers to a pair, and counts nothing a source must count', async () => {
  const claim = await verdictOf('The last talks between the two sides, held in March, failed to settle the dispute over prices.');
  assert.equal(claim.verdict, 'supported', claim.reason);
});

test('a date that ends a span is no rival of the date of an event', async () => {
  const claim = await verdictOf('Piet Vandermolen has signed a new contract to stay at the club in January.');
  assert.notEqual(claim.verdict, 'supported');
  assert.notEqual(claim.conflict?.source, 'May 2027', claim.reason);
});

test('another ordinal contradicts the claim', async () => {
  await contradictedBy('Ilse Kavanagh told her party that she would seek a fourth term in power.', 'Ilse Kavanagh told her party that she would seek a third term in power.', 'third');
});

test('a place in a list after "came" or "finished" is a place, not the third of something else', async () => {
  await contradictedBy('The crooner Milo Darst came third on the Chart Weekly list, earning almost $42.7m.', 'The crooner Milo Darst came fourth on the Chart Weekly list, earning almost $42.7m.', 'fourth');
});

test('"left" after "only", "no" or "few", or before "to play", is "remaining", not the opposite of "remain"', async () => {
  const claim = await verdictOf('Tomas Berg is the only Ostland-born player left from the side that played in 2001.');
  assert.equal(claim.verdict, 'supported', claim.reason);
  const time = await verdictOf('The Ostland match was stopped with the score at 1-1 and two minutes of normal time left to play in the game.');
  assert.equal(time.verdict, 'supported', time.reason);
});

test('"acknowledged" and "admitted" are the opposites of "denied"', async () => {
  await contradictedBy(
    'The Orrin Grill chain scrapped its largest meals last year, but acknowledged the move was a result of the bad publicity.',
    'The Orrin Grill chain scrapped its largest meals last year, but denied the move was a result of the bad publicity.',
    'denied',
  );
});

test('a size is the opposite of its WordNet antonym\'s synonym, and a comma does not hide the words around an opposite', async () => {
  await contradictedBy('The Velden factory index fell to 48.1, a smaller fall than had been expected.', 'The Velden factory index fell to 48.1, a bigger fall than expected.', 'bigger');
  await contradictedBy('The Velden jobless total rose by a smaller than expected 17,000 to 4.483 million.', 'The Velden jobless total rose by a higher than expected 17,000 to 4.483 million.', 'higher');
  await contradictedBy('Orrin Stores saw its same store sales climb by 8.8% as it battled fierce competition.', 'Orrin Stores saw its same store sales sink by 8.8% as it battled fierce competition.', 'sink');
  await contradictedBy(
    'The Tinmen played a warm-up show for fans and friends at the Lantern Club in south Kessing on Monday before their first tour of Ostland.',
    'The Tinmen played a warm-up show for fans and friends at the Lantern Club in north Kessing on Monday before their first tour of Ostland.',
    'north',
  );
});

test('one part of the body is no other: "an ankle injury" for "a knee injury"', async () => {
  await contradictedBy('Striker Ivo Randal came on after 55 minutes, returning after six weeks out with an ankle injury.', 'Striker Ivo Randal came on after 55 minutes, returning after six weeks out with a knee injury.', 'knee');
});

test('a place in a chart written "at number four" contradicts "in third place"', async () => {
  await contradictedBy('The Orrin thriller Lantern opened in third place at the Velden box office, taking $9.8m.', 'The Orrin thriller Lantern opened at number four at the Velden box office, taking $9.8m.', 'four');
});

test('two figures given to each other\'s names contradict the claim ("2.2% in Ostland and 1.5% in Marsk")', async () => {
  const claim = await contradictedBy(
    'The forecasts rest on predictions of 2.2% trade growth in Ostland next year and 1.5% in Marsk.',
    'The forecasts rest on predictions of 1.5% trade growth in Ostland next year and 2.2% in Marsk.',
    '1.5%',
  );
  assert.equal(claim.reason, 'The sources give Ostland 1.5%, not 2.2%.');
  assert.equal(claim.conflict?.draft, '2.2%');
  // Figures given to each other's times, a whole figure beside a decimal one ("2%" is not "about 2.4%").
  const times = await contradictedBy(
    'Ostland\'s economic growth rate is projected to be 2.4% this year and 2% next.',
    'Ostland\'s economic growth rate is projected to be 2% this year and 2.4% next.',
    '2%',
  );
  assert.equal(times.reason, 'The sources give 2% for this year, not 2.4%.');
  // A part "with …" naming no one gives its figure to the sentence's subject.
  const subject = await contradictedBy(
    'Harlow Stores is the bigger of the two chains, with annual sales of $9.2bn, while Denton has sales of $7.1bn.',
    'Denton is the bigger of the two chains, with annual sales of $9.2bn, while Harlow Stores has sales of $7.1bn.',
    '$7.1bn',
  );
  assert.equal(subject.reason, 'The sources give Harlow Stores $7.1bn, not $9.2bn.');
});

test('two names in each other\'s places contradict the claim ("by Marr, with Tenby in the lead role"); names joined either way round do not', async () => {
  const claim = await contradictedBy(
    'The novel Glasshouse was turned into a film by Ilse Marr in 1998, with Oskar Tenby in the lead role.',
    'The novel Glasshouse was turned into a film by Oskar Tenby in 1998, with Ilse Marr in the lead role.',
    'Oskar Tenby in 1998, with Ilse Marr',
  );
  assert.equal(claim.conflict?.draft, 'Ilse Marr in 1998, with Oskar Tenby');
  const met = await verdictOf('Ilse Marr and Oskar Tenby met in Kessing in 1995.');
  assert.equal(met.verdict, 'supported', met.reason);
});

test('an office set off before a peer\'s style is the peer\'s title; a sentence naming the office and the peer apart gives no title', async () => {
  const verdict = oneClaimAgainst([
    {
      uri: 'file:///corpus/tenby.md',
      text: '# Tenby on the quay\n\nThe Lord Chief Justice, Lord Tenby, who is the most senior judge in Ostland, said the quay ruling would stand.\n\nThe lord chancellor would be unlikely to go against Lord Tenby on the quay.\n',
    },
    { uri: 'file:///corpus/ferry.md', text: '# Ferry\n\nThe new ferry terminal opened on Friday.\n' },
  ]);
  const claim = await verdict('The Lord Chancellor, Lord Tenby, said the quay ruling would stand.');
  assert.equal(claim.verdict, 'contradicted', claim.reason);
  assert.equal(claim.reason, 'The sources call Tenby chief justice, not Chancellor.');
  const faithful = await verdict('The Lord Chief Justice, Lord Tenby, said the quay ruling would stand.');
  assert.equal(faithful.verdict, 'supported', faithful.reason);
});

test('"double" is the opposite of "half"; a belief denied before "that" negates what it opens; a rival figure between the claim\'s own words contradicts it', async () => {
  const verdict = oneClaimAgainst([
    { uri: 'file:///corpus/lantern.md', text: '# Lantern ratings\n\nThe third series of Lantern has averaged 2.1 million viewers per episode - half the amount it got in its first series.\n\nThe show is made in Kessing, where ferry fares will double next year.\n' },
    { uri: 'file:///corpus/rates.md', text: '# Rates\n\n"If the rate rise comes early, I do not believe that this will be a big election issue for the Velden government," Treasury adviser Ilse Marr told reporters.\n\nShe spoke in Kessing.\n' },
    {
      uri: 'file:///corpus/bank.md',
      text: '# Harbour Bank loans\n\nOstland Oil has asked Harbour Bank to repay a $900m loan that its refinery had secured on its assets.\n\nThe dispute began last year. The board met on Monday. Shares fell.\n\nHarbour Bank already faces a similar $540m repayment demand from foreign lenders.\n',
    },
    { uri: 'file:///corpus/ferry.md', text: '# Ferry\n\nThe new ferry terminal opened on Friday.\n' },
  ]);
  const double = await verdict('The third series of Lantern has averaged 2.1 million viewers per episode, double the amount it got in its first series.');
  assert.equal(double.reason, 'The source says “half”, not “double”.');
  const belief = await verdict('Treasury adviser Ilse Marr said an early rate rise would be a big election issue for the Velden government.');
  assert.equal(belief.verdict, 'contradicted', belief.reason);
  const loan = await verdict('Harbour Bank already faces a $900m repayment demand from foreign lenders.');
  assert.equal(loan.reason, 'The sources give $540m, not $900m.');
  for (const faithful of [
    'The third series of Lantern has averaged 2.1 million viewers per episode, half the amount it got in its first series.',
    'Harbour Bank already faces a $540m repayment demand from foreign lenders.',
  ]) {
    const kept = await verdict(faithful);
    assert.equal(kept.verdict, 'supported', `${faithful}: ${kept.reason}`);
  }
});

test('a quotation opening inside a sentence is a clause of its own: the negation before it is not its', async () => {
  const verdict = oneClaimAgainst([
    {
      uri: 'file:///corpus/crew.md',
      text: '# Crew row\n\nPort chief Ana Ruiz - who refused to name the skipper - said the crew did not work enough shifts "The crew that\'s just gone has worked 9.3 shifts a week in its time at the quay - half of those were not even at night," said Ruiz.\n\nThe crew left for Kessing.\n',
    },
    { uri: 'file:///corpus/ferry.md', text: '# Ferry\n\nThe old ferry terminal closed on Friday.\n' },
  ]);
  const claim = await verdict('Port chief Ana Ruiz said the crew had worked 9.3 shifts a week in its time at the quay.');
  assert.equal(claim.verdict, 'supported', claim.reason);
});

test('a refusal is no verb a passage may leave unsaid: "will refuse to meet" is not backed by a passage about the visit', async () => {
  const verdict = oneClaimAgainst([
    { uri: 'file:///corpus/talks.md', text: '# Harbour talks\n\nThe harbour board envoy Ilse Marr is due to arrive in Kessing on Wednesday to try to revive talks on the new rota between the dockers and the harbour board.\n' },
    { uri: 'file:///corpus/other.md', text: '# Ferry\n\nThe new ferry terminal opened on Friday. The dockers union met on Monday. The council refused to comment and would not meet reporters.\n' },
  ]);
  const refused = await verdict('The harbour board envoy Ilse Marr will refuse to meet the dockers in Kessing on Wednesday to revive talks on the new rota.');
  assert.equal(refused.verdict, 'unsourced', refused.reason);
  assert.equal(refused.reason, 'No source says Ilse Marr will refuse to meet.');
  // A verb that withholds nothing may be said otherwise by a passage saying the rest.
  const met = await verdict('The harbour board envoy Ilse Marr will meet the dockers in Kessing on Wednesday to revive talks on the new rota.');
  assert.equal(met.verdict, 'supported', met.reason);
});

test('a negation in another clause than the one stating the claim\'s verb is compared with the source\'s own', async () => {
  const text = 'Former Norvane boss Ari Moss, who is accused of overseeing a $2bn fraud, never made accounting decisions, a witness has told jurors.';
  const claim = await verdictOf(text);
  assert.equal(claim.verdict, 'supported', claim.reason);
});

test('a source sentence checked as a claim is supported by itself, whatever other passages say', async () => {
  const own = oneClaimAgainst([
    { uri: 'file:///corpus/moss.md', text: '# Moss trial\n\nFormer Norvane boss Ari Moss, who is accused of overseeing a $2bn fraud, never made accounting decisions, a witness has told jurors.\n' },
    { uri: 'file:///corpus/berg.md', text: '# Berg years\n\nAfter signing for Harbour Rovers, Jan Berg made 164 appearances for the club.\n' },
    { uri: 'file:///corpus/berg-other.md', text: '# Berg, another account\n\nJan Berg made 164 appearances for the club before signing for Harbour Rovers.\n' },
    { uri: 'file:///corpus/pledge.md', text: '# Kavanagh pledge\n\nShe said a vote for her party was not wasted, adding that with her party "what you see is what you get".\n\nKavanagh said: "We need at least Â£75,000 to secure a deposit on the hall."\n' },
    // Sentences that rank above the pledge for the quotation's few indexed words ("see", "get").
    ...Array.from({ length: 30 }, (_, i) => ({ uri: `file:///corpus/gate-${i}.md`, text: `# Gate ${i}\n\nFans see and get tickets at gate ${i}.\n` })),
  ]);
  for (const text of [
    // The claim's clause stating its verb is the one compared with the source's ("never" is in another).
    'Former Norvane boss Ari Moss, who is accused of overseeing a $2bn fraud, never made accounting decisions, a witness has told jurors.',
    // A passage with "before" where the claim's own sentence has "After" does not outweigh that sentence.
    'After signing for Harbour Rovers, Jan Berg made 164 appearances for the club.',
    // A quotation of words the search index barely keeps is found where the sentence around it is.
    'She said a vote for her party was not wasted, adding that with her party "what you see is what you get".',
    // "Â£75,000" read with the wrong encoding is the "£75,000" a writer types.
    'Kavanagh said: "We need at least £75,000 to secure a deposit on the hall."',
  ]) {
    const claim = await own(text);
    assert.equal(claim.verdict, 'supported', `${text}: ${claim.reason}`);
  }
});

test('another party in the same seat is another title ("Former Conservative MP" for "Former Labour MP")', async () => {
  const claim = await contradictedBy(
    'Former Conservative MP Lord Kessler, a long-standing critic of the harbour board, called the ferry plan "reckless".',
    'Former Labour MP Lord Kessler, a long-standing critic of the harbour board, called the ferry plan "reckless".',
    'Former Labour MP',
  );
  assert.equal(claim.conflict?.draft, 'Former Conservative MP');
  // "Tory" is "Conservative".
  assert.equal((await verdictOf('Former Tory MP Ivo Brandt said the plan was sound.')).verdict, 'supported');
});

test('"unaffected" is "not affected": the same polarity as the claim\'s "does not affect"', async () => {
  await flagsTheChange(
    'The change affected the opening night at the Harbour Palace Theatre in Kessing on 12 May.',
    'The change does not affect the opening night at the Harbour Palace Theatre in Kessing on 12 May.',
  );
});

test('a sum in pence differs from another sum in pence, not from billions', async () => {
  await flagsTheChange("Ilse Kavanagh's spring budget put 3p on a litre of petrol.", "Ilse Kavanagh's spring budget put 2p on a litre of petrol.");
  // £2bn of savings is no rival figure for 4p (and no fix for it).
  const far = await verdictOf('Ola Brandt said the health service found 4p of savings in its hospitals.');
  assert.notEqual(far.verdict, 'supported');
  assert.notEqual(far.conflict?.source, '£2bn', far.reason);
});

test('a passage negating what the claim counts contradicts the count', async () => {
  const claim = await flagsTheChange('Tomas Okafor said Harbour Rovers needed two new defenders.', 'Tomas Okafor said he did not need defenders.');
  assert.equal(claim.verdict, 'contradicted', claim.reason);
  assert.ok(claim.sources.some((s) => s.text.includes("don't need defenders")), JSON.stringify(claim.sources));
});

test('an age set off by commas is no count a claim can differ from', async () => {
  const claim = await verdictOf('Harbour Rovers had two goalkeepers injured in training on Friday.');
  assert.notEqual(claim.conflict?.source, '31', claim.reason);
});

test("a passage saying the opposite of the claim's verb contradicts it, whatever the subject", async () => {
  await contradictedBy(
    "Velmar's gross domestic product fell by 2.3% last year, the national statistics office said.",
    "Velmar's gross domestic product rose by 2.3% last year, the national statistics office said.",
    'rose',
  );
});

test('a figure the source gives rounded differently is another figure: 3% is no rounding of 3.5%', async () => {
  await contradictedBy('The Velmar central bank left its main interest rate unchanged at 3.5% on Thursday.', 'The Velmar central bank left its main interest rate unchanged at 3% on Thursday.', '3%');
});

test('what a source says only as a condition does not back a claim asserting it', async () => {
  const claim = await verdictOf('Rena Moss said exports would weaken and wages would stay flat in 2027.');
  assert.notEqual(claim.verdict, 'supported', JSON.stringify(claim.sources.map((s) => s.text)));
});

test('the same figure with the other direction is a rival value', async () => {
  const claim = await contradictedBy('Velmar carmakers sold 4.2% fewer cars in 2026 than the year before.', 'Velmar carmakers sold 4.2% more cars in 2026 than the year before.', '4.2% more');
  assert.equal(claim.conflict?.draft, '4.2% fewer');
  await contradictedBy('Velmar truck sales were up 1.5% in 2026.', 'Velmar truck sales were down 1.5% in 2026.', 'down 1.5%');
  // "More than" before a figure approximates it, it gives no direction; after it ("26% fewer than a year
  // earlier") it does.
  const text = 'more than 40 people, 3% more cars, shares 2% higher than before, prices down 4%, up to 5%';
  const dir = (figure: string) => figureDirection(text, text.indexOf(figure), text.indexOf(figure) + figure.length)?.text;
  assert.deepEqual(['40', '3%', '2%', '4%', '5%'].map(dir), [undefined, '3% more', '2% higher', 'down 4%', undefined]);
  // A comparison with another figure: "above the 2.5% forecast" is the other direction of "short of" it.
  const compared = 'growth of 2.3%, above the 2.5% forecast; sales short of the 4% target; costs below 7%';
  const cmp = (figure: string) => figureDirection(compared, compared.indexOf(figure), compared.indexOf(figure) + figure.length);
  assert.deepEqual(['2.3%', '2.5%', '4%', '7%'].map((f) => cmp(f)?.sign), [undefined, 1, -1, -1]);
  assert.equal(cmp('4%')?.text, 'short of the 4%');
});

test('what a framing verb leads to is the claim ("planned to leave"), and a source stating its opposite contradicts it', async () => {
  const claim = await contradictedBy(
    'Anja Korvel said she planned to leave the label she founded in 1998.',
    'Anja Korvel said she planned to stay at the label she founded in 1998.',
    'stay',
  );
  assert.equal(claim.conflict?.draft, 'leave');
});

test("a negation in the main clause does not reverse the event of its subordinate clause ('no regrets after his side lost')", async () => {
  const claim = await verdictOf('Harbour Rovers lost 3-0 away at Eastport in the cup.');
  assert.equal(claim.verdict, 'supported', claim.reason);
});

test('a share of one group is no share of another: "62% are women" against "62% are men compared to 38% of women"', async () => {
  await contradictedBy('Of the 30 million Velmarians who own e-readers, 62% are women.', 'Of the 30 million Velmarians who own e-readers, 62% are men.', '38%');
});

test('an opposite verb the stemmer does not join ("shrank" for "grew") contradicts, close by what the claim says when it adds who reported it', async () => {
  const verdict = oneClaimAgainst([
    { uri: 'file:///corpus/slowdown.md', text: '# Slowdown\n\nThis is due largely to the faltering national economy, which shrank 0.4% in the last quarter of 2026.\n\nExports were steady.\n' },
    {
      uri: 'file:///corpus/velmar.md',
      text: "# Velmar economy grows\n\nVelmar's gross domestic product rose by 2.3% last year, the national statistics office said.\n\nThe Velmar central bank left its main interest rate unchanged at 3% on Thursday.\n\nThe country's currency has been strong for a year, though imports fell in the spring.\n\nVelmar carmakers sold 4.2% more cars in 2026 than the year before, while truck sales were down 1.5%.\n",
    },
  ]);
  const claim = await verdict('The national economy grew by 0.4% in the last quarter of 2026, the central bank noted.');
  assert.equal(claim.verdict, 'contradicted', claim.reason);
  assert.equal(claim.conflict?.source, 'shrank');
  const faithful = await verdict('The national economy shrank by 0.4% in the last quarter of 2026, the central bank noted.');
  assert.equal(faithful.verdict, 'supported', faithful.reason);
});

test('a passage giving another day that says clearly more of the claim than the passage backing it contradicts it ("quit on Monday" against "resigned on Wednesday")', async () => {
  const verdict = oneClaimAgainst([
    { uri: 'file:///corpus/varga.md', text: '# Varga resigns\n\nMayor Ines Varga resigned on Wednesday after an inquiry found that the harbour contract had been rushed through.\n\nHer deputy will stand in until an election.\n' },
    { uri: 'file:///corpus/poll.md', text: '# Varga poll\n\nOn Monday a poll found that 43% of residents thought Mayor Ines Varga had done a good job.\n\nThe harbour contract was not mentioned.\n' },
    { uri: 'file:///corpus/ferry.md', text: '# Ferry\n\nThe new ferry terminal opened on Friday.\n' },
  ]);
  const claim = await verdict('Mayor Ines Varga quit on Monday after an inquiry found that the harbour contract had been rushed through.');
  assert.equal(claim.verdict, 'contradicted', claim.reason);
  assert.equal(claim.reason, 'The sources give Wednesday, not Monday.');
  const faithful = await verdict('Mayor Ines Varga quit on Wednesday after an inquiry found that the harbour contract had been rushed through.');
  assert.equal(faithful.verdict, 'supported', faithful.reason);
});

test('a passage saying nearly all of the claim with another year contradicts it, though the claim\'s year is elsewhere in its article', async () => {
  const verdict = oneClaimAgainst([
    {
      uri: 'file:///corpus/tinmen.md',
      text: '# Tinmen return\n\nThe Tinmen, who won the Kessing Music Prize in 1995 for their debut album Lanterns, are to tour again.\n\nThe band will play ten dates in Ostland.\n\nTickets go on sale on Friday.\n\nTheir second record was made in a barn.\n\nLanterns was a critics\' favourite in 1994, hailed for its sound.\n',
    },
    { uri: 'file:///corpus/ferry.md', text: '# Ferry\n\nThe new ferry terminal opened on Friday.\n' },
  ]);
  const claim = await verdict('The Tinmen won the Kessing Music Prize in 1994 for their debut album Lanterns.');
  assert.equal(claim.verdict, 'contradicted', claim.reason);
  assert.equal(claim.reason, 'The sources give 1995, not 1994.');
  const faithful = await verdict('The Tinmen won the Kessing Music Prize in 1995 for their debut album Lanterns.');
  assert.equal(faithful.verdict, 'supported', faithful.reason);
});

test('the words of a reported statement are what it reports, not who said it, to whom or where', () => {
  const terms = (text: string) => {
    const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
    const out: ClaimTerm[] = [...new Set(words.map((w) => searchTerm(w)).filter((t): t is string => !!t))].map((stem) => ({ stem, weight: 1, novel: false, alternatives: [stem], name: stem === 'spurlock' }));
    markReported(out, text);
    return out.filter((t) => t.reported).map((t) => t.stem);
  };
  assert.deepEqual(terms('Spurlock told the ceremony that he is planning a follow-up documentary about school dinners.'), ['plan', 'follow', 'up', 'documentari', 'school', 'dinner']);
  assert.deepEqual(terms('Spurlock said the film had cost £65,000.'), ['film', 'cost']);
  assert.deepEqual(terms('The film cost £65,000 to make.'), []);
  // Where the statement starts: a figure there is part of what is reported.
  const text = 'Technorati says more than 12,000 new blogs appear every day.';
  assert.equal(markReported([], text), text.indexOf('more'));
  assert.equal(markReported([], 'Technorati tracks six million blogs.'), -1);
});
