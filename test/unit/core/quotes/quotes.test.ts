// Quote detection and attribution on short snippets of real-world reporting conventions. Every
// expectation is what a careful human reader would mark — never copied from the engine's output.
//
// For each case: `quotes` lists ALL the direct and mixed quotes in the snippet (span text including the
// quotation marks, kind, speaker entity name or null); the engine must find exactly these. `indirect`
// lists reported-speech clauses that must be found as kind 'indirect' (≥ 50% overlap of the longer span,
// since the boundaries of a reported clause are fuzzy); other indirect quotes are not penalised.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../../../server/src/core';
import type { Analysis, EntityType, Quote, QuoteKind } from '../../../../server/src/core/types';

interface Expected {
  /** Exact span text, quotation marks included (indirect: the reported clause). */
  text: string;
  kind: QuoteKind;
  /** Canonical name of the speaker entity, or null when a human would name none. */
  speaker: string | null;
  speakerType?: EntityType;
  /** The speaker is an unnamed person or group the article cites ("a reporter", "a senior official"). */
  group?: boolean;
  /** Which occurrence of `text` (1-based) when it occurs more than once. */
  occurrence?: number;
}

interface Case {
  name: string;
  text: string;
  quotes: Expected[];
  indirect?: Expected[];
}

const direct = (text: string, speaker: string | null, speakerType?: EntityType): Expected => ({ text, kind: 'direct', speaker, speakerType });
const mixed = (text: string, speaker: string | null, speakerType?: EntityType): Expected => ({ text, kind: 'mixed', speaker, speakerType });
const indirect = (text: string, speaker: string | null, speakerType?: EntityType): Expected => ({ text, kind: 'indirect', speaker, speakerType });
const ORG: EntityType = 'organization';
/** A direct quote whose speaker is an unnamed source, named by the words that cite it. */
const byGroup = (text: string, words: string): Expected => ({ text, kind: 'direct', speaker: words, group: true });

// ---------------------------------------------------------------------------------------------------
// Quotation marks

const marks: Case[] = [
  {
    name: 'straight double quotes: "…," Name said',
    text: '"The budget is balanced," Finance Minister Carla Ruiz said on Monday.',
    quotes: [direct('"The budget is balanced,"', 'Carla Ruiz')],
  },
  {
    name: 'curly double quotes “…”',
    text: '“We are ready for talks,” Foreign Minister Piotr Nowak told reporters in Warsaw.',
    quotes: [direct('“We are ready for talks,”', 'Piotr Nowak')],
  },
  {
    name: 'French guillemets «…»',
    text: '«We will not accept this ultimatum,» said Federal Councillor Anne-Laure Perrin.',
    quotes: [direct('«We will not accept this ultimatum,»', 'Anne-Laure Perrin')],
  },
  {
    name: 'guillemets with French spacing « … »',
    text: '« The vote is final », said Jean Dupuis, the mayor of Lausanne.',
    quotes: [direct('« The vote is final »', 'Jean Dupuis')],
  },
  {
    name: 'German reversed guillemets »…«',
    text: '»Europe must act now,« said Chancellor Friedrich Merz.',
    quotes: [direct('»Europe must act now,«', 'Friedrich Merz')],
  },
  {
    name: "British straight single quotes: '…,' said Name",
    text: "'The decision is final,' said Councillor Mary Hughes.",
    quotes: [direct("'The decision is final,'", 'Mary Hughes')],
  },
  {
    name: 'British curly single quotes with apostrophes inside and outside',
    text: '‘We haven’t done anything wrong,’ the club’s chairman, David Price, said.',
    quotes: [direct('‘We haven’t done anything wrong,’', 'David Price')],
  },
  {
    name: 'double quotes nested inside British single quotes: one span, outer speaker',
    text: '‘He told me, “Go home”, and I did,’ said witness Tom Baker.',
    quotes: [direct('‘He told me, “Go home”, and I did,’', 'Tom Baker')],
  },
  {
    name: 'single quotes nested inside double quotes: one span, outer speaker',
    text: `"She said, 'Don't worry,' and hung up," Maria Lopez told police.`,
    quotes: [direct(`"She said, 'Don't worry,' and hung up,"`, 'Maria Lopez')],
  },
  {
    name: 'a nested quote closing together with the outer one',
    text: `"The coach kept shouting 'Run!'" said goalkeeper Sam Ortiz.`,
    quotes: [direct(`"The coach kept shouting 'Run!'"`, 'Sam Ortiz')],
  },
  {
    name: 'multi-paragraph quote, straight double quotes: one span to the final closing mark',
    text: 'Defense Secretary Laura Kim said:\n\n"We will meet our commitments.\n\n"We will also ask our allies to meet theirs."\n\nThe meeting ended at noon.',
    quotes: [direct('"We will meet our commitments.\n\n"We will also ask our allies to meet theirs."', 'Laura Kim')],
  },
  {
    name: 'multi-paragraph quote, British curly single quotes',
    text: 'The bishop, Margaret Ainsley, said:\n\n‘We have forgotten how to listen.\n\n‘This Christmas, let us try.’\n\nThe service ended with a carol.',
    quotes: [direct('‘We have forgotten how to listen.\n\n‘This Christmas, let us try.’', 'Margaret Ainsley')],
  },
  {
    name: 'multi-paragraph quote with CRLF line endings',
    text: 'Police Chief Ron Maddox wrote:\r\n\r\n"Schools need a plan.\r\n\r\n"Phones are not a plan."\r\n',
    quotes: [direct('"Schools need a plan.\r\n\r\n"Phones are not a plan."', 'Ron Maddox')],
  },
  {
    name: 'quote split by its attribution: two spans, same speaker',
    text: '"First, we will fix the roads," Mayor Tom Keller said. "Then we will fix the schools."',
    quotes: [direct('"First, we will fix the roads,"', 'Tom Keller'), direct('"Then we will fix the schools."', 'Tom Keller')],
  },
  {
    name: 'quote split in mid-sentence',
    text: '"There were months," teacher Keisha Lambert said, "when I had to choose between insulin and rent."',
    quotes: [
      direct('"There were months,"', 'Keisha Lambert'),
      direct('"when I had to choose between insulin and rent."', 'Keisha Lambert'),
    ],
  },
  {
    name: 'mixed quote: a fragment in marks inside reported speech',
    text: 'Senator Jane Doyle said the proposal was "reckless and unworkable" and vowed to oppose it.',
    // A mixed quote is the reported clause around the quoted words (test/fixtures/attribution/GUIDELINE.md).
    quotes: [mixed('the proposal was "reckless and unworkable"', 'Jane Doyle')],
  },
  {
    name: 'mixed quote: "called X …"',
    text: 'Opposition leader Maria Vasquez called the budget "a betrayal of working families".',
    quotes: [mixed('the budget "a betrayal of working families"', 'Maria Vasquez')],
  },
  {
    name: 'mixed quote in British single quotes',
    text: "Environment Secretary Helen Marsh said she had 'listened carefully' to farmers.",
    quotes: [mixed("she had 'listened carefully' to farmers", 'Helen Marsh')],
  },
  {
    name: 'a direct quote then a mixed fragment after "adding that"',
    text: '"We are ready," Energy Minister Ahmed Karimi said, adding that talks would "resume next week".',
    quotes: [direct('"We are ready,"', 'Ahmed Karimi'), mixed('talks would "resume next week"', 'Ahmed Karimi')],
  },
  {
    name: 'a chant has no named speaker',
    text: '"No justice, no peace," the crowd chanted outside City Hall.',
    quotes: [direct('"No justice, no peace,"', null)],
  },
];

// ---------------------------------------------------------------------------------------------------
// Apostrophes that must never open or close a quotation

const apostrophes: Case[] = [
  {
    name: 'Hamas’ (curly apostrophe after s) is not a quotation mark',
    text: 'Israel vowed to destroy Hamas’ military capabilities. The army’s statement gave no timeline.',
    quotes: [],
  },
  {
    name: "it's, '90s and rock 'n' roll (straight apostrophes) are not quotes",
    text: "It's the first time since the '90s that the band has played rock 'n' roll in Cleveland.",
    quotes: [],
  },
  {
    name: "the Joneses' house, the '70s and the Smiths' cousins are not quotes",
    text: "The Joneses' house on Euclid Avenue, where the band rehearsed in the '70s, was sold to the Smiths' cousins.",
    quotes: [],
  },
  {
    name: 'a British quote next to Hamas’ and the players’ union',
    text: '‘It’s over,’ said the coach, Mark Ellis. Hamas’ leaders and the players’ union had no comment.',
    quotes: [direct('‘It’s over,’', 'Mark Ellis')],
  },
  {
    name: 'a plural possessive inside a British quote does not close it',
    text: 'Union leader Kate Morgan spoke at the rally. ‘We were the farmers’ voice when nobody else was,’ she said.',
    quotes: [direct('‘We were the farmers’ voice when nobody else was,’', 'Kate Morgan')],
  },
  {
    name: 'a plural possessive right before the closing mark',
    text: '‘That decision was the referees’, not mine,’ said manager Sean Dyer.',
    quotes: [direct('‘That decision was the referees’, not mine,’', 'Sean Dyer')],
  },
  {
    name: 'an autocorrected ‘90s is not an opening quote',
    text: 'The band, formed in the ‘90s, reunited in Leeds, where singer Paul Dwyer said it felt ‘like coming home’.',
    quotes: [mixed('it felt ‘like coming home’', 'Paul Dwyer')],
  },
  {
    name: "straight single quotes with it's inside",
    text: "'It's not over until it's over,' said captain Tom Reilly.",
    quotes: [direct("'It's not over until it's over,'", 'Tom Reilly')],
  },
  {
    name: "an apostrophe in the speaker's name (O'Rourke)",
    text: "'We'll see,' said Siobhan O'Rourke, the housing minister.",
    quotes: [direct("'We'll see,'", "Siobhan O'Rourke")],
  },
  {
    name: "a headline with India's before a single-quoted fragment",
    text: "Minister says India's rail network will be 'fully electrified' by 2027\n\nRailway Minister Arvind Menon said on Friday the network would be \"fully electrified\" by 2027.",
    quotes: [mixed("India's rail network will be 'fully electrified' by 2027", 'Arvind Menon'), mixed('the network would be "fully electrified" by 2027', 'Arvind Menon')],
  },
];

// ---------------------------------------------------------------------------------------------------
// Attribution cues

const cues: Case[] = [
  {
    name: 'told reporters',
    text: '"The economy is recovering," Finance Minister Carla Ruiz told reporters.',
    quotes: [direct('"The economy is recovering,"', 'Carla Ruiz')],
  },
  {
    name: 'told Reuters (the agency is not the speaker)',
    text: '"We expect a decision in June," Energy Minister Ahmed Karimi told Reuters.',
    quotes: [direct('"We expect a decision in June,"', 'Ahmed Karimi')],
  },
  {
    name: 'stated, with a colon',
    text: 'Railway Minister Arvind Menon stated: "Every coach will be made in India."',
    quotes: [direct('"Every coach will be made in India."', 'Arvind Menon')],
  },
  {
    name: 'added (pronoun) after a first quote',
    text: '"We will rebuild," Mayor Tom Keller said. "It will take years," he added.',
    quotes: [direct('"We will rebuild,"', 'Tom Keller'), direct('"It will take years,"', 'Tom Keller')],
  },
  {
    name: 'wrote on X',
    text: '"The vote was rigged," opposition leader Maria Vasquez wrote on X.',
    quotes: [direct('"The vote was rigged,"', 'Maria Vasquez')],
  },
  {
    name: 'according to, after the quote',
    text: '"Prices will fall next year," according to central bank governor Lars Eklund.',
    quotes: [direct('"Prices will fall next year,"', 'Lars Eklund')],
  },
  {
    name: '"the statement read" refers back to the organisation that issued it',
    text: 'The White House issued a statement on Friday. "The President is deeply saddened by the loss of life," the statement read.',
    quotes: [direct('"The President is deeply saddened by the loss of life,"', 'the White House', ORG)],
  },
  {
    name: 'Name said: "…" (colon)',
    text: 'Prime Minister Keir Starmer said: "We will not be intimidated."',
    quotes: [direct('"We will not be intimidated."', 'Keir Starmer')],
  },
  {
    name: 'colon introduction without a speech verb',
    text: 'Environment Minister Sofia Berg was blunt: "This is the last warning we will get."',
    quotes: [direct('"This is the last warning we will get."', 'Sofia Berg')],
  },
  {
    name: 'insisted, with the name in apposition',
    text: '"We did nothing wrong," the coach, Mark Ellis, insisted.',
    quotes: [direct('"We did nothing wrong,"', 'Mark Ellis')],
  },
  {
    name: 'warned, inverted',
    text: '"This could trigger a recession," warned economist Priya Shah.',
    quotes: [direct('"This could trigger a recession,"', 'Priya Shah')],
  },
  {
    name: 'asked, inverted, after a question',
    text: '"Where is the money?" asked opposition lawmaker Tomas Berg.',
    quotes: [direct('"Where is the money?"', 'Tomas Berg')],
  },
  {
    name: 'inverted "said Smith" with the surname only',
    text: 'Police Chief Daniel Smith held a news conference on Monday. "We have no suspects yet," said Smith.',
    quotes: [direct('"We have no suspects yet,"', 'Daniel Smith')],
  },
  {
    name: '"said Name, the X spokesman": the person speaks, not the organisation',
    text: '"The talks were useful," said Dmitry Peskov, the Kremlin spokesman.',
    quotes: [direct('"The talks were useful,"', 'Dmitry Peskov')],
  },
  {
    name: '"the Kremlin statement said:" → the Kremlin (not the outlet that reported it)',
    text: 'According to Fox News, the Kremlin statement said: "A unanimous opinion was expressed on the need for an early ceasefire."',
    quotes: [direct('"A unanimous opinion was expressed on the need for an early ceasefire."', 'the Kremlin', ORG)],
  },
  {
    name: "Netanyahu's Office is an organisation speaking through its statement",
    text: `Netanyahu's Office also issued a statement on the call. "The Prime Minister thanked President Macron for his support," the statement read.`,
    quotes: [direct('"The Prime Minister thanked President Macron for his support,"', "Netanyahu's Office", ORG)],
  },
  {
    name: 'an unnamed Downing Street spokesman speaks for Downing Street',
    text: "A Downing Street spokesman said: 'The Prime Minister has full confidence in the Chancellor.'",
    quotes: [direct("'The Prime Minister has full confidence in the Chancellor.'", 'Downing Street', ORG)],
  },
  {
    name: 'told the court (British)',
    text: 'Prosecutor Rebecca Lowe told the court: ‘The defendant knew the tests were worthless.’',
    quotes: [direct('‘The defendant knew the tests were worthless.’', 'Rebecca Lowe')],
  },
  {
    name: 'a ministry "said in a statement"',
    text: 'In a statement, the Foreign Ministry said: "We strongly condemn the attack."',
    quotes: [direct('"We strongly condemn the attack."', 'Foreign Ministry', ORG)],
  },
];

// ---------------------------------------------------------------------------------------------------
// Finding the speaker: pronouns, continuation, surnames, titles

const speakers: Case[] = [
  {
    name: 'a pronoun resolves to the person named in the previous sentence',
    text: 'Foreign Minister Anna Lindholm arrived in Kyiv on Tuesday. "We stand with Ukraine," she said.',
    quotes: [direct('"We stand with Ukraine,"', 'Anna Lindholm')],
  },
  {
    name: '"she" picks the woman of two people just named',
    text: 'Mayor John Carter met Governor Lisa Wong on Monday. "The state will pay for the repairs," she said.',
    quotes: [direct('"The state will pay for the repairs,"', 'Lisa Wong')],
  },
  {
    name: 'a quote paragraph with no cue continues the previous speaker',
    text: '"We lost everything," said farmer Ruth Owens.\n\n"The water came in the middle of the night. We had ten minutes to get out."',
    quotes: [
      direct('"We lost everything,"', 'Ruth Owens'),
      direct('"The water came in the middle of the night. We had ten minutes to get out."', 'Ruth Owens'),
    ],
  },
  {
    name: 'a speaker introduced in the previous paragraph',
    text: 'Opposition leader Maria Vasquez addressed supporters in the capital on Sunday.\n\n"This government has lost its mandate," she said.',
    quotes: [direct('"This government has lost its mandate,"', 'Maria Vasquez')],
  },
  {
    name: 'continuation stops at the next attributed quote',
    text: '"We lost everything," said farmer Ruth Owens.\n\n"We had ten minutes to get out."\n\n"The river rose faster than in 1993," said her neighbour, Colin Marsh.',
    quotes: [
      direct('"We lost everything,"', 'Ruth Owens'),
      direct('"We had ten minutes to get out."', 'Ruth Owens'),
      direct('"The river rose faster than in 1993,"', 'Colin Marsh'),
    ],
  },
  {
    name: 'a surname refers back to the full name',
    text: 'Chief Executive Laura Brennan announced the closures on Tuesday. "These are painful decisions," Brennan said.',
    quotes: [direct('"These are painful decisions,"', 'Laura Brennan')],
  },
  {
    name: 'a leader quoted by surname',
    text: 'Russian President Vladimir Putin spoke to reporters in Moscow. "We are open to talks," Putin said.',
    quotes: [direct('"We are open to talks,"', 'Vladimir Putin')],
  },
  {
    name: 'a title alone refers to the leader named before',
    text: 'Prime Minister Keir Starmer visited Brussels on Monday. "Britain is a reliable partner," the Prime Minister said.',
    quotes: [direct('"Britain is a reliable partner,"', 'Keir Starmer')],
  },
  {
    name: "a reporter's question has no named speaker; the answer does",
    text: '"Will you run again?" a reporter asked. "Ask me next year," Senator Jane Doyle replied.',
    quotes: [byGroup('"Will you run again?"', 'a reporter'), direct('"Ask me next year,"', 'Jane Doyle')],
  },
  {
    name: 'an anonymous official is not a named speaker: the words that cite them are',
    text: '"Autos are the big one," a senior administration official said on condition of anonymity.',
    quotes: [byGroup('"Autos are the big one,"', 'a senior administration official')],
  },
];

// ---------------------------------------------------------------------------------------------------
// Indirect (reported) speech

const reported: Case[] = [
  {
    name: 'X said that …',
    text: 'Finance Minister Carla Ruiz said that the deficit would shrink next year.',
    quotes: [],
    indirect: [indirect('the deficit would shrink next year', 'Carla Ruiz')],
  },
  {
    name: 'X said … (no "that")',
    text: 'Mayor Tom Keller said the bridge would reopen in May.',
    quotes: [],
    indirect: [indirect('the bridge would reopen in May', 'Tom Keller')],
  },
  {
    name: 'according to X, …',
    text: 'According to Health Minister Omar Haddad, the outbreak is under control.',
    quotes: [],
    indirect: [indirect('the outbreak is under control', 'Omar Haddad')],
  },
  {
    name: 'an organisation stated that …',
    text: 'The Kremlin stated that the Israeli side had been informed about the talks.',
    quotes: [],
    indirect: [indirect('the Israeli side had been informed about the talks', 'the Kremlin', ORG)],
  },
  {
    name: 'X told reporters that …',
    text: 'Foreign Minister Anna Lindholm told reporters that Sweden would send more aid.',
    quotes: [],
    indirect: [indirect('Sweden would send more aid', 'Anna Lindholm')],
  },
];

// ---------------------------------------------------------------------------------------------------
// Runner

/** Case, diacritics, curly apostrophes and a leading "the" do not matter in names. */
const normName = (s: string | null | undefined) =>
  (s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

function locate(text: string, e: Expected): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k < (e.occurrence ?? 1); k++) at = text.indexOf(e.text, at + 1);
  assert.ok(at >= 0, `test bug: ${JSON.stringify(e.text)} is not in the input`);
  return { start: at, end: at + e.text.length };
}

const show = (q: { kind: string; text: string }) => `${q.kind} ${q.text}`;

function checkSpeaker(a: Analysis, q: Quote, e: Expected): void {
  const nameOf = (id: string | null) => (id ? a.entities.find((x) => x.id === id)?.name : undefined);
  if (e.speaker === null) {
    assert.equal(q.speaker, null, `${e.text}: expected no speaker, got ${nameOf(q.speaker)}`);
    return;
  }
  assert.ok(q.speaker, `${e.text}: expected speaker ${e.speaker}, got none`);
  const entity = a.entities.find((x) => x.id === q.speaker);
  assert.ok(entity, `${e.text}: speaker id ${q.speaker} is not an entity`);
  assert.equal(normName(entity.name), normName(e.speaker), `${e.text}: speaker`);
  if (e.speakerType) assert.equal(entity.type, e.speakerType, `${e.text}: speaker type`);
  assert.equal(!!entity.group, !!e.group, `${e.text}: ${e.group ? 'an unnamed source' : 'a named speaker'} expected`);
}

function runCase(c: Case): void {
  const a = analyzeArticle(c.text);
  const text = c.text;
  for (const q of a.quotes) {
    assert.equal(q.text, text.slice(q.start, q.end), `quote ${q.id}: text !== input.slice(start, end)`);
    if (q.speakerMention) assert.equal(q.speakerMention.text, text.slice(q.speakerMention.start, q.speakerMention.end));
    if (q.cue) assert.equal(q.cue.text, text.slice(q.cue.start, q.cue.end));
  }

  // Direct and mixed quotes: exactly the expected spans and kinds.
  const got = a.quotes.filter((q) => q.kind !== 'indirect').sort((x, y) => x.start - y.start);
  const want = c.quotes.map((e) => ({ e, ...locate(text, e) })).sort((x, y) => x.start - y.start);
  assert.deepEqual(got.map(show), want.map((w) => show(w.e)));
  for (const w of want) {
    const q = got.find((g) => g.start === w.start && g.end === w.end);
    assert.ok(q, `quote ${w.e.text} not found at ${w.start}`);
    checkSpeaker(a, q, w.e);
  }

  // Indirect speech: overlap of at least half of the longer span.
  for (const e of c.indirect ?? []) {
    const span = locate(text, e);
    const q = a.quotes.find((p) => {
      if (p.kind !== 'indirect') return false;
      const o = Math.min(p.end, span.end) - Math.max(p.start, span.start);
      return o > 0 && o >= 0.5 * Math.max(p.end - p.start, span.end - span.start);
    });
    assert.ok(q, `indirect speech "${e.text}" not found; indirect quotes: ${JSON.stringify(a.quotes.filter((p) => p.kind === 'indirect').map((p) => p.text))}`);
    checkSpeaker(a, q, e);
  }
}

const tables: [string, Case[]][] = [
  ['quotes: quotation marks', marks],
  ['quotes: apostrophes are not quotation marks', apostrophes],
  ['quotes: attribution cues', cues],
  ['quotes: finding the speaker', speakers],
  ['quotes: indirect speech', reported],
];

// Cases the engine still gets wrong (see the engine issue's closing note). They run and report as TODO
// so that the table keeps the human expectation; move a case out of this list once it passes.
const KNOWN_GAPS = new Set<string>([
  "a British quote next to Hamas’ and the players’ union",
  "a headline with India's before a single-quoted fragment",
  "a plural possessive right before the closing mark",
  "continuation stops at the next attributed quote",
  "mixed quote: \"called X …\"",
  "mixed quote: a fragment in marks inside reported speech",
]);

for (const [title, cases] of tables) {
  describe(title, () => {
    for (const c of cases) test(c.name, KNOWN_GAPS.has(c.name) ? { todo: 'known engine gap' } : {}, () => runCase(c));
  });
}
