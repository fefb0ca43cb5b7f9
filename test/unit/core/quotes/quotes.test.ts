// Quotation marks, apostrophes and attribution cues on short snippets of real-world reporting conventions
// (case format and runner in cases.ts). Every expectation is what a careful human reader would mark.
import { direct, mixed, ORG, runTables, type Case } from './cases';

// ---------------------------------------------------------------------------------------------------
// Quotation marks

const marks: Case[] = [
  {
    name: 'a quote over two paragraphs whose second paragraph has no opening mark',
    text: 'Coach Ines Moreau said, "We learned a lot today.\n\nThe players gave everything in the second half."\n\nThe team flies home on Sunday.',
    quotes: [direct('"We learned a lot today.\n\nThe players gave everything in the second half."', 'Ines Moreau')],
  },
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
    name: 'a whole quoted sentence right after the verb, with no comma, is direct; a fragment the sentence goes on after is mixed',
    text: 'Professor Cres Eastman said "it is reasonable to assume that pregnant women are also deficient." The letter reads "we may extend the use of the questionnaire to other groups." Doyle said the "reckless and unworkable" plan would fail.',
    quotes: [
      direct('"it is reasonable to assume that pregnant women are also deficient."', 'Cres Eastman'),
      direct('"we may extend the use of the questionnaire to other groups."', null),
      mixed('the "reckless and unworkable" plan would fail', 'Doyle'),
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

runTables([
  ['quotes: quotation marks', marks],
  ['quotes: apostrophes are not quotation marks', apostrophes],
  ['quotes: attribution cues', cues],
]);
