// Speakers and reported speech on short snippets of real-world reporting conventions (case format and
// runner in ../quotes/cases.ts). Every expectation is what a careful human reader would mark.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../../../server/src/core';
import { byGroup, direct, indirect, mixed, ORG, runTables, type Case } from '../quotes/cases';

// ---------------------------------------------------------------------------------------------------
// Finding the speaker: pronouns, continuation, surnames, titles

const speakers: Case[] = [
  {
    name: 'a cue after a quote that ended its sentence introduces the next quote, not this one',
    text: 'Harry Kane won the award. He said, "It felt good out there." After the match, Tunisia\'s coach Nabil Maaloul said, "We were playing a strong team."',
    quotes: [direct('"It felt good out there."', 'Harry Kane'), direct('"We were playing a strong team."', 'Nabil Maaloul')],
  },
  {
    name: 'an honorific gives a gender the first name does not ("Ms. Okonjo", "Mr. Adeyemi")',
    text: 'Ms. Okonjo met Mr. Adeyemi in Lagos on Monday. "We have agreed on the terms," she said.',
    quotes: [direct('"We have agreed on the terms,"', 'Okonjo')],
  },
  {
    name: 'a gendered role before the name gives a gender ("his wife, Chidinma Obi")',
    text: 'Tunde Bakare arrived with his wife, Chidinma Obi, on Friday. "It was a long journey," she said.',
    quotes: [direct('"It was a long journey,"', 'Chidinma Obi')],
  },
  {
    name: '"the prime minister" is not a provincial premier',
    text: 'Prime Minister Justin Trudeau closed the border. Quebec Premier François Legault ordered bars to close. "Help is coming," the prime minister said.',
    quotes: [direct('"Help is coming,"', 'Justin Trudeau')],
  },
  {
    name: 'a description by state and party is the legislator with that party identifier',
    text: 'Sen. Joe Manchin, D-W.Va., met President Joe Biden at the White House. "The bill is dead," the West Virginia Democrat said.',
    quotes: [direct('"The bill is dead,"', 'Joe Manchin')],
  },
  {
    name: 'a description is the salient person, not the last one named',
    text: '"I have reached the end of the road," Sen. Joe Manchin told host Bret Baier on Sunday. "I cannot vote for it," the senator from West Virginia said.',
    quotes: [direct('"I have reached the end of the road,"', 'Joe Manchin'), direct('"I cannot vote for it,"', 'Joe Manchin')],
  },
  {
    name: '"the Chamber" stands for the chamber of commerce named before',
    text: 'The U.S. Chamber of Commerce welcomed the vote. "Washington can still work," the Chamber said in a statement.',
    quotes: [direct('"Washington can still work,"', 'U.S. Chamber of Commerce', ORG)],
  },
  {
    name: 'a gerund "accusing X of" with a quoted fragment speaks for the sentence\'s subject',
    text: 'House Speaker Nancy Pelosi fired back within hours, accusing McConnell of "playing games with the paychecks of federal workers."',
    quotes: [mixed('McConnell of "playing games with the paychecks of federal workers."', 'Nancy Pelosi')],
  },
  {
    name: 'an inverted speaker with a title abbreviation and party and state',
    text: '"This is a betrayal of working families," tweeted Rep. Alexandria Ocasio-Cortez, D-N.Y.',
    quotes: [direct('"This is a betrayal of working families,"', 'Alexandria Ocasio-Cortez')],
  },
  {
    name: 'a known leader whose surname is also a common word keeps the whole name',
    text: 'Mr. Trump met with Vice President Mike Pence on Tuesday. "We are united," Pence said afterwards.',
    quotes: [direct('"We are united,"', 'Mike Pence')],
  },
  {
    name: 'a subject before a parenthetical speaks through a colon',
    text: 'Transport Minister Omar Alghabra arrived late. Alghabra, meanwhile, said: "We will fix the delays."',
    quotes: [direct('"We will fix the delays."', 'Omar Alghabra')],
  },
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
  {
    name: 'a long appositive between the name and the verb after the quote',
    text: '"Nobody should have to ration insulin," Sen. Patricia Munoz, the bill\'s sponsor, said at a news conference.',
    quotes: [direct('"Nobody should have to ration insulin,"', 'Patricia Munoz')],
  },
  {
    name: 'an inverted cue with a surname the article has not used before',
    text: 'The talks resumed on Monday.\n\n"The ball is in Moscow\'s court," said Hlushko.',
    quotes: [direct('"The ball is in Moscow\'s court,"', 'Hlushko')],
  },
  {
    name: 'a colon introduction whose clause has a pronoun subject',
    text: 'Senator Celeste Ambrose visited the launch site on Friday.\n\nOn the agency\'s budget, she was blunt: "We are spending less on space than we did in 1990."',
    quotes: [direct('"We are spending less on space than we did in 1990."', 'Celeste Ambrose')],
  },
  {
    name: '"a post" is a noun: the colon introduction names the speaker',
    text: 'In a separate post on social media, President Jorge Almeida weighed in: "This is a disgrace for our country."',
    quotes: [direct('"This is a disgrace for our country."', 'Jorge Almeida')],
  },
  {
    name: 'a pronoun after a sentence about someone is that person, not the last speaker',
    text: '"We will keep fighting," said Keisha Rowe, a patient advocate.\n\nAfter the vote, Senator Patricia Lindqvist was cautiously optimistic. "We have the votes in committee," she said.',
    quotes: [direct('"We will keep fighting,"', 'Keisha Rowe'), direct('"We have the votes in committee,"', 'Patricia Lindqvist')],
  },
  {
    name: 'an acronym introduced in brackets speaks for its organisation',
    text: 'The Coastal Fisheries Authority (CFA) published its forecast on Monday. "Stocks will recover this decade," the CFA said.',
    quotes: [direct('"Stocks will recover this decade,"', 'Coastal Fisheries Authority', ORG)],
  },
  {
    name: 'a surname that is also a company\'s name is the person named before ("Ford told reporters")',
    text: 'Premier Doug Ford announced the plan on Thursday.\n\n"This is the largest investment in transit in our history," Ford told reporters.',
    quotes: [direct('"This is the largest investment in transit in our history,"', 'Doug Ford')],
  },
  {
    name: 'a misspelt surname after a title is the person it is close to',
    text: 'Marguerite Oberholzer, who chairs the panel, opened the hearing.\n\n"We will publish everything," Ms Oberholtzer said.',
    quotes: [direct('"We will publish everything,"', 'Marguerite Oberholzer')],
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
  {
    name: 'a negated verb reports nothing; a later verb in the sentence does',
    text: 'Officials have not said why the visas were refused, but Ambassador Rahim Sultani says the team feared it would be stranded.',
    quotes: [],
    indirect: [indirect('the team feared it would be stranded', 'Rahim Sultani')],
  },
  {
    name: 'X spoke to Y and said …: the sentence subject speaks',
    text: 'Energy Minister Laila Brandt spoke to Omar Castell and said the pipeline would be finished by spring.',
    quotes: [],
    indirect: [indirect('the pipeline would be finished by spring', 'Laila Brandt')],
  },
  {
    name: 'X, who told Y …: the relative pronoun stands for X',
    text: 'The club signed Piet Vranckx, who told supporters he would stay for three seasons.',
    quotes: [],
    indirect: [indirect('he would stay for three seasons', 'Piet Vranckx')],
  },
  {
    name: 'X, of the Institute, says …: the person, not the institute',
    text: 'Professor Ana Duarte, of the Institute for Coastal Research, says sea levels are rising faster than expected.',
    quotes: [],
    indirect: [indirect('sea levels are rising faster than expected', 'Ana Duarte')],
  },
  {
    name: 'the firm X said that …: the name after an organisation noun is an organisation',
    text: 'The security firm Kestrel Labs said that the flaw affected millions of routers.',
    quotes: [],
    indirect: [indirect('the flaw affected millions of routers', 'Kestrel Labs', ORG)],
  },
  {
    name: 'according to the Ambassador to the United Nations X, …',
    text: 'According to Kenyan Ambassador to the United Nations Daniel Otieno, the vote shows the council is divided.',
    quotes: [],
    indirect: [indirect('the vote shows the council is divided', 'Daniel Otieno')],
  },
  {
    name: 'a town or city that speaks is its council, never the last person named',
    text: 'Livorno mayor Luca Pastorino said the tax was fair. The city reasoned, "Users pay a fee, so the activity is commercial."',
    quotes: [byGroup('"Users pay a fee, so the activity is commercial."', 'the city')],
    indirect: [indirect('the tax was fair', 'Luca Pastorino')],
  },
  {
    name: 'an unnamed organisation speaks for itself: police, the court',
    text: 'Police said a 23-year-old man had been arrested.\n\n"The decision is final," the court said in its ruling.',
    quotes: [byGroup('"The decision is final,"', 'the court')],
    indirect: [{ text: 'a 23-year-old man had been arrested', kind: 'indirect', speaker: 'Police', group: true }],
  },
  {
    name: 'state media X reported: the outlet named after a media noun',
    text: 'Kim Jong Un oversaw the launch of the new missile, state media KCNA reported.',
    quotes: [],
    indirect: [indirect('Kim Jong Un oversaw the launch of the new missile', 'KCNA', ORG)],
  },
  {
    name: 'a surname the article never spells out, before a participle ("Schumer disagreed, saying …")',
    text: 'Senators met behind closed doors on Monday. Schumer disagreed, saying the bill would fail.',
    quotes: [],
    indirect: [indirect('the bill would fail', 'Schumer')],
  },
  {
    name: 'a company by the first word of its name ("Corvane said" after "Corvane Aerospace")',
    text: 'An inspector at aircraft maker Corvane Aerospace testified on Tuesday.\n\nCorvane said in a statement that it had hired an outside law firm.',
    quotes: [],
    indirect: [indirect('it had hired an outside law firm', 'Corvane Aerospace', ORG)],
  },
  {
    name: 'a relative clause after the speaker names someone else ("X, who endorsed Y in July, said")',
    text: 'Sen. Bernard Holm, who endorsed Maria Lentz in July, said the rival campaign had lost its way.',
    quotes: [],
    indirect: [indirect('the rival campaign had lost its way', 'Bernard Holm')],
  },
  {
    name: 'an unnamed official is a source of its own, not the person just named',
    text: 'Clinton\'s campaign dismissed the attack. "This is what Donald Trump does when he is losing," campaign spokesman Brian Fallon said.\n\nAccording to a senior campaign official, Trump plans to visit Pennsylvania next week.',
    quotes: [direct('"This is what Donald Trump does when he is losing,"', 'Brian Fallon')],
    indirect: [{ text: 'Trump plans to visit Pennsylvania next week', kind: 'indirect', speaker: 'a senior campaign official', group: true }],
  },
  {
    name: 'the dateline is not part of what was said',
    text: 'TORONTO — The province will spend $1.2 billion on new transit lines, Premier Ada Lindqvist announced Thursday.',
    quotes: [],
    indirect: [indirect('The province will spend $1.2 billion on new transit lines', 'Ada Lindqvist')],
  },
  {
    name: 'a clause after "X said" is the content, not the clause before the comma',
    text: 'In Geneva, where turnout was 48 percent, voter Isabelle Moreau said she had voted no.',
    quotes: [],
    indirect: [indirect('she had voted no', 'Isabelle Moreau')],
  },
  {
    name: "AP's party and state after a senator's name stand between the subject and the verb",
    text: 'Sen. Lindsey Graham, R-S.C., told reporters Tuesday that he would support the nominee.',
    quotes: [],
    indirect: [indirect('he would support the nominee', 'Lindsey Graham')],
  },
  {
    name: 'a dotted state abbreviation ends no sentence',
    text: 'House Speaker Nancy Pelosi, D-Calif., said the spending bill was dead on arrival in the Senate.',
    quotes: [],
    indirect: [indirect('the spending bill was dead on arrival in the Senate', 'Nancy Pelosi')],
  },
  {
    name: 'a parenthetical adverb between commas is not the subject',
    text: 'Ontario Premier Doug Ford, meanwhile, said he spoke with the prime minister on Monday night.',
    quotes: [],
    indirect: [indirect('he spoke with the prime minister on Monday night', 'Doug Ford')],
  },
  {
    name: 'a participle phrase between commas is not the subject',
    text: 'Conservative Leader Andrew Scheer, speaking to supporters in Regina, said the carbon tax would be scrapped.',
    quotes: [],
    indirect: [indirect('the carbon tax would be scrapped', 'Andrew Scheer')],
  },
  {
    name: 'a past-participle phrase between commas is not the subject',
    text: 'Finance Minister Chrystia Freeland, pressed by reporters in Ottawa, said the deficit would shrink next year.',
    quotes: [],
    indirect: [indirect('the deficit would shrink next year', 'Chrystia Freeland')],
  },
  {
    name: 'two reporting clauses joined by "and": two reported clauses',
    text: 'Chief Medical Officer Theresa Tam said gatherings of more than 50 people should be cancelled, and she asked Canadians to avoid trips that are not essential.',
    quotes: [],
    indirect: [
      indirect('gatherings of more than 50 people should be cancelled', 'Theresa Tam'),
      indirect('Canadians to avoid trips that are not essential', 'Theresa Tam'),
    ],
  },
  {
    name: 'a second speaker after "while" reports on her own',
    text: 'Alberta Premier Jason Kenney announced that classes would be cancelled indefinitely, while Quebec Premier François Legault said bars, gyms and cinemas must close.',
    quotes: [],
    indirect: [
      indirect('classes would be cancelled indefinitely', 'Jason Kenney'),
      indirect('bars, gyms and cinemas must close', 'François Legault'),
    ],
  },
  {
    name: '"but" and a speech verb of the same subject end the first reported clause',
    text: "Coach Chris O'Shea said he was proud of his team's run, but acknowledged that the loss would sting for a long time.",
    quotes: [],
    indirect: [
      indirect("he was proud of his team's run", "Chris O'Shea"),
      indirect('the loss would sting for a long time', "Chris O'Shea"),
    ],
  },
  {
    name: 'a reporting gerund after a comma ends the reported clause',
    text: 'Bank of Canada Governor Carolyn Rogers said the bank was watching the labour market closely, noting that unemployment had risen for three months.',
    quotes: [],
    indirect: [
      indirect('the bank was watching the labour market closely', 'Carolyn Rogers'),
      indirect('unemployment had risen for three months', 'Carolyn Rogers'),
    ],
  },
  {
    name: '"called for" reports a request; a coordinated "and said" is no postposed speaker',
    text: 'Pope Francis also called for further investigation into what happened in the schools, and said remembering was essential.',
    quotes: [],
    indirect: [
      indirect('further investigation into what happened in the schools', 'Pope Francis'),
      indirect('remembering was essential', 'Pope Francis'),
    ],
  },
  {
    name: '"accused X of Y": the object and what it is accused of',
    text: 'Conservative Leader Pierre Poilievre accused the Liberals of scaring investors away at the worst possible time.',
    quotes: [],
    indirect: [indirect('the Liberals of scaring investors away at the worst possible time', 'Pierre Poilievre')],
  },
  {
    name: '"called X a Y" without quotation marks',
    text: 'Indigenous Services Minister Patty Hajdu called the ruling a historic moment for families.',
    quotes: [],
    indirect: [indirect('the ruling a historic moment for families', 'Patty Hajdu')],
  },
  {
    name: '"warned" followed by a clause with no addressee',
    text: 'The tenants group FRAPRU counted 600 households without a lease, and warned the real number was almost certainly higher.',
    quotes: [],
    indirect: [indirect('the real number was almost certainly higher', 'FRAPRU')],
  },
  {
    name: 'an appositive with a relative clause between the name and the verb',
    text: 'Dr. Ana Ruiz, an emergency physician who has worked in Merritt for a decade, said the problem was not a lack of effort.',
    quotes: [],
    indirect: [indirect('the problem was not a lack of effort', 'Ana Ruiz')],
  },
  {
    name: "the writer's comment after the reported clause is not part of it",
    text: 'Sen. Joe Manchin said Sunday he will not vote for the spending bill, a stunning blow that could doom the plan.',
    quotes: [],
    indirect: [indirect('he will not vote for the spending bill', 'Joe Manchin')],
  },
  {
    name: 'a party and state in brackets after the name',
    text: 'Committee chairman Bennie G. Thompson (D-Miss.) said the committee would hold its next hearings in July.',
    quotes: [],
    indirect: [indirect('the committee would hold its next hearings in July', 'Bennie G. Thompson')],
  },
  {
    name: 'an age between the name and a relative clause, and an irregular verb after a pronoun',
    text: 'Among them was Ángel Morillo, 27, who said he left Venezuela four months ago with his wife.',
    quotes: [],
    indirect: [indirect('he left Venezuela four months ago with his wife', 'Ángel Morillo')],
  },
  {
    name: 'an appositive naming a place speaks for the person before it',
    text: 'Dale Hummel, a hog farmer from Norwalk, said the speech had been the same as always.',
    quotes: [],
    indirect: [indirect('the speech had been the same as always', 'Dale Hummel')],
  },
  {
    name: 'an appositive naming an organisation speaks for the person before it',
    text: 'Rep. Tom Cole, chairman of the House Rules Committee, warned colleagues that removing the Speaker would only empower the party\'s opponents.',
    quotes: [],
    indirect: [indirect("removing the Speaker would only empower the party's opponents", 'Tom Cole')],
  },
  {
    name: 'an age, then a role phrase',
    text: 'Retired teacher Carol Wendt, 67, said she had voted for the former president twice. Sen. Kyrsten Sinema, D-Ariz., one of the lead negotiators, said the group had logged hundreds of hours.',
    quotes: [],
    indirect: [
      indirect('she had voted for the former president twice', 'Carol Wendt'),
      indirect('the group had logged hundreds of hours', 'Kyrsten Sinema'),
    ],
  },
  {
    name: 'a long appositive naming an organisation',
    text: 'Corinne Ashdown, vice-president of national affairs at the Canadian Federation of Independent Business, said small business owners were already stretched to the limit.',
    quotes: [],
    indirect: [indirect('small business owners were already stretched to the limit', 'Corinne Ashdown')],
  },
  {
    name: 'a relative clause inside the appositive, and a time adverbial before the verb',
    text: 'Jill Dorsey, a Republican strategist in Des Moines who stayed neutral in the primary, said the margin should worry his rivals. Mayor Muriel Bowser, who has pleaded for help, last month asked the Pentagon to deploy the National Guard.',
    quotes: [],
    indirect: [
      indirect('the margin should worry his rivals', 'Jill Dorsey'),
      indirect('the Pentagon to deploy the National Guard', 'Muriel Bowser'),
    ],
  },
  {
    name: 'a bracketed party and state before a relative clause',
    text: 'Sen. Bernie Sanders (I-Vt.), who chairs the Budget Committee, called for a Senate floor vote on the bill.',
    quotes: [],
    indirect: [indirect('a Senate floor vote on the bill', 'Bernie Sanders')],
  },
  {
    name: "a province's abbreviation after a town ends no sentence",
    text: 'Priya Sandhu, a mortgage broker in Brampton, Ont., said her phone began ringing within minutes of the announcement.',
    quotes: [],
    indirect: [indirect('her phone began ringing within minutes of the announcement', 'Priya Sandhu')],
  },
  {
    name: 'a verb in a subordinate or relative clause reports only up to its comma',
    text: 'When Prime Minister Justin Trudeau announced that the framework was ready, he urged property owners to take part. President Trump, who announced that tariffs would rise on Sunday, has insisted the tariffs are working.',
    quotes: [],
    indirect: [indirect('the framework was ready', 'Justin Trudeau'), indirect('tariffs would rise on Sunday', 'Donald Trump'), indirect('the tariffs are working', 'Donald Trump')],
  },
  {
    name: 'a second reporting clause whose subject is a determiner phrase',
    text: 'The Congressional Budget Office said last week that the bill would add $256 billion to deficits, and several GOP critics said that estimate undercut the promise.',
    quotes: [],
    indirect: [indirect('the bill would add $256 billion to deficits', 'Congressional Budget Office', ORG), { ...indirect('that estimate undercut the promise', 'several GOP critics'), group: true }],
  },
  {
    name: 'adjuncts after the addressee before "that"',
    text: 'Sheriff spokesman Steve Whitmore told LA Weekly in a statement that the case was being dealt with as grand theft.',
    quotes: [],
    indirect: [indirect('the case was being dealt with as grand theft', 'Steve Whitmore')],
  },
  {
    name: 'a judge\'s or a court\'s finding with "that" is reported: "found that", "ruled that" (not "found a body")',
    text: 'Justice Richard Mosley found that the situation did not meet the legal threshold. Police found a body near the river.',
    quotes: [],
    indirect: [indirect('the situation did not meet the legal threshold', 'Richard Mosley')],
  },
  {
    name: 'adjuncts with commas inside before ", that": a place and its province, a relative clause',
    text: 'Pope Francis said in a speech at a former residential school in Maskwacis, Alta., that he was sorry for the harm done. Trudeau told reporters in Ottawa, where the cabinet was holding a retreat, that the government would appeal.',
    quotes: [],
    indirect: [indirect('he was sorry for the harm done', 'Pope Francis'), indirect('the government would appeal', 'Justin Trudeau')],
  },
  {
    name: 'a coordinated verb after "but" ends the reported clause',
    text: 'Conservative Leader Andrew Scheer said his party supported the new measures but questioned the delay.',
    quotes: [],
    indirect: [indirect('his party supported the new measures', 'Andrew Scheer')],
  },
  {
    name: 'a new name before an appositive without a determiner speaks, not the organisation in the appositive',
    text: 'Priyanka Soman, chief economist at Wexford Partners, said investors had been caught off guard. Diaa Rashwan, head of Egypt\'s State Information Service, said Cairo had received signals.',
    quotes: [],
    indirect: [indirect('investors had been caught off guard', 'Priyanka Soman'), indirect('Cairo had received signals', 'Diaa Rashwan')],
  },
  {
    name: 'an organisation\'s correspondent, and an organisation with "and" in its name, in the appositive',
    text: 'Nomvula Dube, Al Jazeera\'s correspondent reporting from Johannesburg, said the expansion was a success. Cindy Blackstock, executive director of the First Nations Child and Family Caring Society, cautioned that a law on paper means little.',
    quotes: [],
    indirect: [indirect('the expansion was a success', 'Nomvula Dube'), indirect('a law on paper means little', 'Cindy Blackstock')],
  },
  {
    name: 'a country\'s leader by possessive and title: the leader named before, or in a headline the one named below',
    text: "Kenya's president says he will not sign the bill\n\nNAIROBI — Kenyan President William Ruto said on Wednesday he would not sign the finance bill. Vladimir Putin called him. Russia's president said the talks went well.",
    quotes: [],
    indirect: [indirect('he will not sign the bill', 'William Ruto'), indirect('he would not sign the finance bill', 'William Ruto'), indirect('the talks went well', 'Vladimir Putin')],
  },
  {
    name: 'a country\'s possessive before an organisation\'s name speaks for that organisation',
    text: 'South Korea’s Joint Chiefs of Staff said they had detected the launch.',
    quotes: [],
    indirect: [indirect('they had detected the launch', 'South Korea’s Joint Chiefs of Staff', ORG)],
  },
  {
    name: '"X, which …, said in a statement": X is an organisation, and "the statement read" is its',
    text: 'Interior Health, which runs the hospital, said in a statement that closures are a last resort.\n\n"We are grateful for the patience of residents," the statement read.',
    quotes: [direct('"We are grateful for the patience of residents,"', 'Interior Health', ORG)],
    indirect: [indirect('closures are a last resort', 'Interior Health', ORG)],
  },
  {
    name: 'an appositive after a name inside the reported clause is part of it, not the writer\'s comment',
    text: 'Law-enforcement officials said the messages were found on a laptop used by Huma Abedin, a top aide to Mrs. Clinton.',
    quotes: [],
    indirect: [{ text: 'the messages were found on a laptop used by Huma Abedin, a top aide to Mrs. Clinton', kind: 'indirect', speaker: 'Law-enforcement officials', group: true }],
  },
  {
    name: 'a postposed cue with a time and a dash after it: the clause before the comma is reported',
    text: 'Lula had won 50.9% of the vote against 49.1% for Bolsonaro, the electoral court said on Sunday night – the narrowest margin since 1989.',
    quotes: [],
    indirect: [{ text: 'Lula had won 50.9% of the vote against 49.1% for Bolsonaro', kind: 'indirect', speaker: 'the electoral court', group: true }],
  },
  {
    name: 'a letter nobody is named as writing is nobody\'s, not the last person named; "his message" is his',
    text: 'Immigration minister Robert Jenrick visited the centre on Monday. A leaked letter says "failure to return the questionnaire may result in the claim being withdrawn." President Ferdinand Marcos Jr. spoke later. His message was blunt: "We will not abandon our soldiers."',
    quotes: [direct('"failure to return the questionnaire may result in the claim being withdrawn."', null), direct('"We will not abandon our soldiers."', 'Ferdinand Marcos Jr.')],
  },
  {
    name: '"the city" that speaks is the municipality named before; "attributed to X —" names the quote\'s author',
    text: 'The Municipality of Livorno asked schools to pay. The city reasoned, "Users pay a fee, so the activity is commercial." He recalled a quote attributed to Einstein — "If we knew what we were doing, it would not be called research."',
    quotes: [direct('"Users pay a fee, so the activity is commercial."', 'Municipality of Livorno', ORG), direct('"If we knew what we were doing, it would not be called research."', 'Einstein')],
    indirect: [indirect('schools to pay', 'Municipality of Livorno', ORG)],
  },
  {
    name: 'a name after an outlet\'s possessive is its reporter; "the head of …" is a role',
    text: 'Al Jazeera’s Nomvula Dube, reporting from Johannesburg, said the expansion was a diplomatic success. Diaa Rashwan, the head of Egypt\'s State Information Service, said Cairo had received signals.',
    quotes: [],
    indirect: [indirect('the expansion was a diplomatic success', 'Nomvula Dube'), indirect('Cairo had received signals', 'Diaa Rashwan')],
  },
  {
    name: '"issued a statement saying …" reports for the subject; "several speakers asked why …" is a group',
    text: 'The White House issued a statement saying the president looked forward to working with Lula. Several speakers asked why the city could not be guaranteed a 24-hour emergency department.',
    quotes: [],
    indirect: [
      { text: 'the president looked forward to working with Lula', kind: 'indirect', speaker: 'White House', speakerType: ORG },
      { text: 'why the city could not be guaranteed a 24-hour emergency department', kind: 'indirect', speaker: 'Several speakers', group: true },
    ],
  },
  {
    name: '", and" then a new clause in the simple past with its own subject is narration again; in the reported tense it is still reported',
    text: 'Prime Minister Justin Trudeau has said he learned of the intelligence from the media, and last week he directed CSIS to inform MPs. Transport Minister Omar Alghabra said the border would close, and flights would stop on Friday.',
    quotes: [],
    indirect: [indirect('he learned of the intelligence from the media', 'Justin Trudeau'), indirect('the border would close, and flights would stop on Friday', 'Omar Alghabra')],
  },
  {
    name: 'a verb that reports only a clause takes one without "that" when a pronoun or "there" starts it (not "conceded a penalty")',
    text: 'The Bank of Canada signalled it is in no hurry to cut. Governor Tiff Macklem acknowledged there were limits to how far Canada could drift. The goalkeeper conceded a penalty in the first half.',
    quotes: [],
    indirect: [indirect('it is in no hurry to cut', 'Bank of Canada', ORG), indirect('there were limits to how far Canada could drift', 'Tiff Macklem')],
  },
  {
    name: 'a promise or a threat is reported with its infinitive',
    text: 'President Luiz Inácio Lula da Silva pledged to rebuild environmental protections dismantled under his predecessor.',
    quotes: [],
    indirect: [indirect('to rebuild environmental protections dismantled under his predecessor', 'Luiz Inácio Lula da Silva')],
  },
  {
    name: 'unnamed people at a place speak as a group, not as the country ("officials in Ottawa")',
    text: 'Officials in Ottawa said the talks would resume. Russia said the talks were over.',
    quotes: [],
    indirect: [{ text: 'the talks would resume', kind: 'indirect', speaker: 'Officials in Ottawa', group: true }, indirect('the talks were over', 'Russia', 'country')],
  },
  {
    name: 'a capitalised agency after "according to" is an organisation',
    text: 'According to Statistics Canada, the unemployment rate rose to 7.5 per cent in June.',
    quotes: [],
    indirect: [indirect('the unemployment rate rose to 7.5 per cent in June', 'Statistics Canada', ORG)],
  },
];

// Sentences with a speech verb that report nothing: no indirect quote may overlap the words given.
const notReported: { name: string; text: string; words: string }[] = [
  { name: 'an addressee and a time, nothing said', text: '"It has to stop," Prime Minister Justin Trudeau told reporters Monday morning, before the expulsion was announced.', words: 'before the expulsion was announced' },
  { name: 'a news conference is an addressee, not a clause', text: 'South African President Cyril Ramaphosa told a news conference at the Sandton Convention Centre, flanked by the other leaders, that talks were over.', words: 'conference at the Sandton Convention Centre' },
  { name: 'a noun object after a determiner is no reported clause', text: 'Trump denied the account on his social media site on Tuesday night.', words: 'the account on his social media site' },
  { name: 'a negation with a curly apostrophe', text: 'It didn’t say what steps China would take next.', words: 'what steps China would take' },
  { name: 'a clause after an inverted verb is no speaker', text: 'Last year\'s declaration, agreed in Bali, said most members strongly condemned the war.', words: 'Last year\'s declaration, agreed in Bali' },
  { name: 'an appositive and a request for caution', text: "Dr. Kieran Moore, the province's chief medical officer of health, urged caution.", words: 'Kieran Moore' },
  { name: '"asked not to be named"', text: 'A ministry official, who asked not to be named because she was not authorised to speak, confirmed the date.', words: 'not to be named' },
  { name: '"said no." ends the sentence: the next one is not reported', text: 'Democrats said no. Republicans and Liberals agreed on the date.', words: 'Republicans and Liberals agreed' },
  { name: 'a dateline before reported speech', text: 'WASHINGTON (AP) — The deal is done and signed, the White House said on Friday.', words: 'WASHINGTON (AP) —' },
  { name: 'a plural noun object is no clause ("wrote two collections of short stories")', text: 'The poet also wrote two collections of short stories and a novel.', words: 'two collections of short stories' },
  { name: '"have not said why"', text: 'Officials have not said why the team was denied visas.', words: 'why the team was denied visas' },
];

describe('quotes: speech verbs that report nothing', () => {
  for (const c of notReported)
    test(c.name, () => {
      const at = c.text.indexOf(c.words);
      const hit = analyzeArticle(c.text).quotes.filter((q) => q.kind === 'indirect' && q.start < at + c.words.length && q.end > at);
      assert.deepEqual(hit.map((q) => q.text), []);
    });
});

runTables([
  ['quotes: finding the speaker', speakers],
  ['quotes: indirect speech', reported],
]);
