// The knowledge base's lookups: name and title normalisation, lookup by name, offices by date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKnowledgeBase, normalizeName, normalizeTitle, surnameOf } from '../../../../server/src/core/knowledgeBase';
import type { LeaderRecord, OfficeTerm } from '../../../../server/src/core/types';
import { ids, kb, rec, TODAY } from './fixtures';

// ---------------------------------------------------------------------------------------------------------
// Normalisation and lookup

test('normalizeName folds diacritics, punctuation, hyphens and the Arabic article', () => {
  const cases: [string, string][] = [
    ['Recep Tayyip Erdoğan', 'recep tayyip erdogan'],
    ['Binali Yıldırım', 'binali yildirim'],
    ['Bronisław Komorowski', 'bronislaw komorowski'],
    ['  Donald  J. Trump ', 'donald j trump'],
    ['Lee Jae-myung', 'lee jae myung'],
    ['Abdel Fattah el-Sisi', 'abdel fattah sisi'],
    ['Abdel Fattah al-Sisi', 'abdel fattah sisi'],
    ['Al Sisi', 'sisi'],
    ['El-Sisi', 'sisi'],
    ['al‑Sisi', 'sisi'], // non-breaking hyphen
    ['Sisi', 'sisi'],
    ["Mohammed Shia' al-Sudani", 'mohammed shia sudani'],
    ['Mohammed Shia’ al-Sudani', 'mohammed shia sudani'],
    ['Kaïs Saïed', 'kais saied'],
    ['Al', 'al'],
    ['ＸＩ Jinping', 'xi jinping'],
    ['', ''],
  ];
  for (const [input, expected] of cases) assert.equal(normalizeName(input), expected, input);
});

test('lookup finds the usual spellings, short forms and surnames', () => {
  const table: [string, string][] = [
    ['Vladimir Putin', 'vladimir-putin'],
    ['Putin', 'vladimir-putin'],
    ['Mahmoud Abbas', 'mahmoud-abbas'],
    ['Mahmud Abbas', 'mahmoud-abbas'],
    ['Abu Mazen', 'mahmoud-abbas'],
    ['Abbas', 'mahmoud-abbas'],
    ['Abdel Fattah al-Sisi', 'abdel-fattah-el-sisi'],
    ['Abdel Fattah el-Sisi', 'abdel-fattah-el-sisi'],
    ['el-Sisi', 'abdel-fattah-el-sisi'],
    ['al-Sisi', 'abdel-fattah-el-sisi'],
    ['Sisi', 'abdel-fattah-el-sisi'],
    ['Sissi', 'abdel-fattah-el-sisi'],
    ['Bashar al-Assad', 'bashar-al-assad'],
    ['Bashar Assad', 'bashar-al-assad'],
    ['Assad', 'bashar-al-assad'],
    ['Ebrahim Raisi', 'ebrahim-raisi'],
    ['Ibrahim Raisi', 'ebrahim-raisi'],
    ['Recep Tayyip Erdoğan', 'recep-tayyip-erdogan'],
    ['Recep Tayyip Erdogan', 'recep-tayyip-erdogan'],
    ['Erdogan', 'recep-tayyip-erdogan'],
    ['Erdoğan', 'recep-tayyip-erdogan'],
    ['Mohammed bin Salman', 'mohammed-bin-salman'],
    ['Muhammad bin Salman', 'mohammed-bin-salman'],
    ['MBS', 'mohammed-bin-salman'],
    ['bin Salman', 'mohammed-bin-salman'],
    ['Xi Jinping', 'xi-jinping'],
    ['Xi', 'xi-jinping'],
    ['Luiz Inácio Lula da Silva', 'luiz-inacio-lula-da-silva'],
    ['Luiz Inacio Lula da Silva', 'luiz-inacio-lula-da-silva'],
    ['Lula', 'luiz-inacio-lula-da-silva'],
    ['Benjamin Netanyahu', 'benjamin-netanyahu'],
    ['Binyamin Netanyahu', 'benjamin-netanyahu'],
    ['Bibi', 'benjamin-netanyahu'],
    ['Netanyahu', 'benjamin-netanyahu'],
    ['Volodymyr Zelensky', 'volodymyr-zelensky'],
    ['Volodymyr Zelenskyy', 'volodymyr-zelensky'],
    ['Zelenskyy', 'volodymyr-zelensky'],
    ['Zelenskiy', 'volodymyr-zelensky'],
    ['Zelensky', 'volodymyr-zelensky'],
    ['Modi', 'narendra-modi'],
    ['Narendra Modi', 'narendra-modi'],
    ['Ali Khamenei', 'ali-khamenei'],
    ['Khamenei', 'ali-khamenei'],
    ['Kim Jong-un', 'kim-jong-un'],
    ['Kim Jong Un', 'kim-jong-un'],
    ['Moon Jae-in', 'moon-jae-in'],
    ['Moon Jae In', 'moon-jae-in'],
    ['Donald J. Trump', 'donald-trump'],
    ['Trump', 'donald-trump'],
    ['Mohammed Shia’ al-Sudani', 'mohammed-shia-al-sudani'],
    ['Alyaksandr Lukashenka', 'alexander-lukashenko'],
    ['Abu Mohammed al-Jolani', 'ahmed-al-sharaa'],
    ['Ahmad al-Sharaa', 'ahmed-al-sharaa'],
    ['Fayez al-Serraj', 'fayez-al-sarraj'],
    ['Khalifa Hifter', 'khalifa-haftar'],
    ['Hemedti', 'mohamed-hamdan-dagalo'],
    ['Abdrabbuh Mansour Hadi', 'abdrabbuh-mansur-hadi'],
    ['Abed Rabbo Mansour Hadi', 'abdrabbuh-mansur-hadi'],
    ['Tamim bin Hamad Al Thani', 'tamim-bin-hamad-al-thani'],
    ['Mohamed bin Zayed', 'mohamed-bin-zayed-al-nahyan'],
    ['MBZ', 'mohamed-bin-zayed-al-nahyan'],
    ['King Charles', 'charles-iii'],
    ['Queen Elizabeth II', 'elizabeth-ii'],
    ['Pedro Sanchez', 'pedro-sanchez'],
    ['Masoud Pezeshkian', 'masoud-pezeshkian'],
    ['Hassan Rohani', 'hassan-rouhani'],
    ['Keir Starmer', 'keir-starmer'],
  ];
  const failures: string[] = [];
  for (const [q, id] of table) {
    const hits = ids(kb.lookup(q));
    if (hits[0] !== id) failures.push(`${q} → [${hits.join(', ')}], expected ${id} first`);
  }
  assert.deepEqual(failures, []);
});

test('lookup lists full-name matches before surname matches; isFullName tells them apart', () => {
  assert.ok(kb.isFullName('Vladimir Putin'));
  assert.ok(kb.isFullName('Mahmud Abbas'));
  assert.ok(kb.isFullName('MBS'));
  assert.ok(!kb.isFullName('Putin'));
  assert.ok(!kb.isFullName('Abbas'));
  assert.ok(!kb.isFullName('al-Sisi'));
  assert.ok(!kb.isFullName(''));
  assert.deepEqual(kb.lookup('Nobody In Particular'), []);
  // 'Kim' is a surname of several people; all come back.
  const kims = ids(kb.lookup('Kim'));
  assert.ok(kims.includes('kim-jong-un') && kims.includes('kim-min-seok'), kims.join());
  // A surname shared with a full name of another: full name first.
  const lula = ids(kb.lookup('Lula'));
  assert.equal(lula[0], 'luiz-inacio-lula-da-silva');
  // The returned array is the caller's.
  const a = kb.lookup('Putin');
  a.length = 0;
  assert.equal(kb.lookup('Putin').length, 1);
});

test('surnameOf falls back to the last word of the name', () => {
  assert.equal(surnameOf(rec('bashar-al-assad')), 'Assad');
  assert.equal(surnameOf({ id: 'x-y', name: 'Xavier Yellow', offices: [] }), 'Yellow');
});

// ---------------------------------------------------------------------------------------------------------
// Offices by date

test('holdersOf answers who held an office on a date', () => {
  const table: [string, string, string | undefined, string[]][] = [
    ['GBR', 'Prime Minister', '2019-08-01', ['boris-johnson']],
    ['GBR', 'Prime Minister', '2022-10-21', ['liz-truss']],
    ['GBR', 'Prime Minister', '2016-07-13', ['david-cameron', 'theresa-may']], // handover day: both
    ['GBR', 'Prime Minister', '2022-10', ['liz-truss', 'rishi-sunak']],
    ['GBR', 'Prime Minister', '2022', ['boris-johnson', 'liz-truss', 'rishi-sunak']],
    ['GBR', 'King', '2023-05-06', ['charles-iii']],
    ['GBR', 'Queen', '2015-01-01', ['elizabeth-ii']],
    ['CAN', 'King', '2024-01-01', ['charles-iii']],
    ['ISR', 'Prime Minister', '2021-07-01', ['naftali-bennett']],
    ['ISR', 'Prime Minister', '2024-01-01', ['benjamin-netanyahu']],
    ['IRN', 'President', '2023-10-09', ['ebrahim-raisi']],
    ['IRN', 'President', '2024-06-15', ['mohammad-mokhber']],
    ['IRN', 'Supreme Leader', '2020-01-01', ['ali-khamenei']],
    ['USA', 'President', '2020-06-01', ['donald-trump']],
    ['USA', 'President', '2022-06-01', ['joe-biden']],
    ['DEU', 'Chancellor', '2023-01-01', ['olaf-scholz']],
    ['SAU', 'King', '2015-01-01', ['abdullah-bin-abdulaziz']],
    ['SAU', 'Crown Prince', '2016-01-01', ['muhammad-bin-nayef']],
    ['SAU', 'Crown Prince', '2020-01-01', ['mohammed-bin-salman']],
    ['SAU', 'Prime Minister', '2020-01-01', ['salman-bin-abdulaziz']],
    ['SAU', 'Prime Minister', '2023-01-01', ['mohammed-bin-salman']],
    ['PSE', 'President', '2020-01-01', ['mahmoud-abbas']],
    ['PSE', 'Prime Minister', '2020-01-01', ['mohammad-shtayyeh']],
    ['EGY', 'President', TODAY, ['abdel-fattah-el-sisi']],
    ['JPN', 'Emperor', '2019-04-15', ['akihito']],
    ['JPN', 'Emperor', '2019-06-01', ['naruhito']],
    ['CHN', 'Premier', '2020-01-01', ['li-keqiang']], // 'Premier' = 'Prime Minister'
    ['CHN', 'prime minister', '2024-01-01', ['li-qiang']],
    ['KOR', 'Acting President', '2017-04-01', ['hwang-kyo-ahn']], // Park removed 2017-03-10
    ['KWT', 'Amir', '2022-01-01', ['nawaf-al-ahmad-al-jaber-al-sabah']],
    ['syr', 'president', '2025-06-01', ['ahmed-al-sharaa']],
    ['FRA', 'Prime Minister', TODAY, ['sebastien-lecornu']],
    ['VEN', 'President', '2026-06-01', ['delcy-rodriguez']],
    ['XXX', 'President', '2020-01-01', []],
  ];
  const failures: string[] = [];
  for (const [c, title, date, expected] of table) {
    const got = ids(kb.holdersOf(c, title, date));
    if (got.join() !== expected.join()) failures.push(`${c} ${title} ${date}: [${got.join(', ')}], expected [${expected.join(', ')}]`);
  }
  assert.deepEqual(failures, []);
  assert.equal(kb.holdersOf('GBR', 'Prime Minister').length, 6); // Cameron … Starmer
});

test('officesOn filters terms by date, partial dates included', () => {
  const titles = (ts: OfficeTerm[]) => ts.map((t) => `${t.title}/${t.country}`).sort();
  const putin = rec('vladimir-putin');
  assert.equal(kb.officesOn(putin).length, putin.offices.length);
  assert.deepEqual(titles(kb.officesOn(putin, '2010-01-01')), ['Prime Minister/RUS']);
  assert.deepEqual(titles(kb.officesOn(putin, '2020-01-01')), ['President/RUS']);
  assert.deepEqual(titles(kb.officesOn(putin, '2012')), ['President/RUS', 'Prime Minister/RUS']);
  const erdogan = rec('recep-tayyip-erdogan');
  assert.deepEqual(titles(kb.officesOn(erdogan, '2014-08')), ['President/TUR', 'Prime Minister/TUR']);
  assert.deepEqual(titles(kb.officesOn(erdogan, '2014-07-31')), ['Prime Minister/TUR']);
  assert.deepEqual(titles(kb.officesOn(erdogan, '2024-01-01T12:00:00Z')), ['President/TUR']);
  assert.deepEqual(titles(kb.officesOn(rec('charles-iii'), '2023-01-01')), ['King/AUS', 'King/CAN', 'King/GBR']);
  assert.deepEqual(kb.officesOn(rec('elizabeth-ii'), '2023-01-01'), []);
  // A term with a partial end date (YYYY-MM) covers that whole month.
  const partial: LeaderRecord = { id: 'p', name: 'P Q', offices: [{ title: 'Mayor', country: 'ABC', role: 'other', start: '2015', end: '2016-03' }] };
  const k2 = createKnowledgeBase([partial]);
  assert.equal(k2.officesOn(partial, '2015-01-01').length, 1);
  assert.equal(k2.officesOn(partial, '2016-03-31').length, 1);
  assert.equal(k2.officesOn(partial, '2016-04-01').length, 0);
  assert.equal(k2.officesOn(partial, '2014').length, 0);
  assert.deepEqual(ids(k2.holdersOf('ABC', 'Mayor', '2016-02')), ['p']);
});

test('normalizeTitle drops acting/interim and unifies synonyms', () => {
  assert.equal(normalizeTitle('Acting President'), 'president');
  assert.equal(normalizeTitle('Interim  President'), 'president');
  assert.equal(normalizeTitle('Premier'), 'prime minister');
  assert.equal(normalizeTitle('Amir'), 'emir');
  assert.equal(normalizeTitle('Supreme Leader'), 'supreme leader');
});
