// The queries the LSP features and the export formatters share (server/src/query.ts), on a hand-built
// analysis so that every expectation can be read off the spans below.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Analysis, Entity, Quote } from '../../server/src/core/types';
import {
  countryInfo,
  countryName,
  entityAt,
  entityById,
  entityIndex,
  mentionAt,
  partnersOf,
  principal,
  quoteAt,
  quotesOf,
  speakerMentionOf,
  speakerTarget,
} from '../../server/src/query';

const text = 'Benjamin Netanyahu called Putin. Netanyahu’s Office said: "We spoke." The statement read: "Calm."';
const span = (s: string, from = 0) => {
  const start = text.indexOf(s, from);
  assert.ok(start >= 0, s);
  return { start, end: start + s.length, text: s };
};
const netanyahu: Entity = { id: 'p:bn', type: 'person', name: 'Benjamin Netanyahu', leader: true, country: 'ISR', mentions: [{ ...span('Benjamin Netanyahu'), form: 'name' }, { ...span('Netanyahu', 30), form: 'name' }] };
const office: Entity = { id: 'o:office', type: 'organization', name: 'Netanyahu’s Office', speaksFor: 'p:bn', mentions: [{ ...span('Netanyahu’s Office'), form: 'name' }] };
const putin: Entity = { id: 'p:vp', type: 'person', name: 'Vladimir Putin', leader: true, country: 'RUS', mentions: [{ ...span('Putin'), form: 'name' }] };
const israel: Entity = { id: 'c:isr', type: 'country', name: 'Israel (the article’s)', iso3: 'ISR', mentions: [] };
const spoke: Quote = { ...span('"We spoke."'), id: 'q1', kind: 'direct', speaker: 'o:office', speakerMention: span('Office'), cue: span('said') };
const calm: Quote = { ...span('"Calm."'), id: 'q2', kind: 'direct', speaker: 'o:office', speakerMention: span('The statement'), cue: span('read') };
const analysis: Analysis = {
  schema: 'news-lens/annotations@1',
  source: { length: text.length },
  entities: [netanyahu, office, putin, israel],
  quotes: [spoke, calm],
  interactions: [{ kind: 'call', participants: ['p:bn', 'p:vp'], evidence: span('Benjamin Netanyahu called Putin') }],
  diagnostics: [],
};

describe('what is at an offset', () => {
  it('the narrowest mention, a cursor right after the word included', () => {
    assert.equal(mentionAt(analysis, span('Putin').end)?.entity, putin);
    const inside = span('Netanyahu’s').start + 3;
    assert.equal(mentionAt(analysis, inside)?.mention.text, 'Netanyahu', 'inside "Netanyahu’s Office", the narrower "Netanyahu"');
    assert.equal(mentionAt(analysis, span('Office').start + 1)?.entity, office);
    assert.equal(mentionAt(analysis, span('called').start + 2), undefined);
  });
  it('a quote; the entity of the words naming its speaker', () => {
    assert.equal(quoteAt(analysis, span('spoke.').start), spoke);
    assert.equal(entityAt(analysis, span('The statement').start + 1), office);
  });
});

describe('entities by id', () => {
  it('one index per entity list, rebuilt when the list grows', () => {
    assert.equal(entityById(analysis, 'p:vp'), putin);
    assert.equal(entityIndex(analysis), entityIndex(analysis), 'built once');
    const grown: Analysis = { ...analysis, entities: [...analysis.entities] };
    assert.equal(entityById(grown, 'p:new'), undefined);
    grown.entities.push({ id: 'p:new', type: 'person', name: 'New', mentions: [] });
    assert.equal(entityById(grown, 'p:new')?.name, 'New');
    assert.equal(entityById(analysis, null), undefined);
  });
});

describe('mentions, quotes and contacts', () => {
  it('an office speaks for its person; its quotes count as theirs', () => {
    assert.equal(principal(analysis, office), netanyahu);
    assert.equal(principal(analysis, putin), putin);
    assert.deepEqual(quotesOf(analysis, netanyahu), [spoke, calm]);
    assert.deepEqual(quotesOf(analysis, putin), []);
  });
  it('whom an entity spoke to, with the kinds and evidence', () => {
    const [p] = partnersOf(analysis, putin);
    assert.equal(p.entity, netanyahu);
    assert.deepEqual([...p.kinds], ['call']);
    assert.deepEqual(p.evidence.map((e) => e.text), ['Benjamin Netanyahu called Putin']);
  });
});

describe('where a quote’s speaker is named', () => {
  it('words inside a longer mention: the export names the mention, the editor shows the words', () => {
    assert.equal(speakerMentionOf(spoke, office)?.text, 'Netanyahu’s Office');
    assert.equal(speakerTarget(analysis, spoke)?.text, 'Office');
  });
  it('words that only describe the source: both take the speaker’s nearest mention before the quote', () => {
    assert.equal(speakerMentionOf(calm, office)?.text, 'Netanyahu’s Office');
    assert.equal(speakerTarget(analysis, calm)?.text, 'Netanyahu’s Office');
  });
  it('a speaker never mentioned: the editor shows the words, the export has no mention', () => {
    const unnamed: Quote = { ...calm, speaker: 'c:isr' };
    assert.equal(speakerMentionOf(unnamed, israel), undefined);
    assert.equal(speakerTarget(analysis, unnamed)?.text, 'The statement');
    assert.equal(speakerTarget(analysis, { ...calm, speaker: null })?.text, 'The statement', 'no speaker at all');
  });
});

describe('countries', () => {
  it('the name from world-countries, or the article’s own country entity; the flag', () => {
    assert.equal(countryName('ISR'), 'Israel');
    assert.equal(countryName('isr'), 'Israel');
    assert.equal(countryName('ISR', analysis), 'Israel (the article’s)');
    assert.equal(countryName('XXX'), 'XXX');
    assert.equal(countryName(undefined), undefined);
    assert.equal(countryInfo('RUS')?.flag, '🇷🇺');
  });
});
