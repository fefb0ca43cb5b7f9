// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as JSON-LD: one AnnotationCollection per
// article with one Annotation per entity mention (motivation "identifying"), per quote ("describing") and
// per interaction ("linking"). Every target, and every body that points into the article (a mention's
// title words, a quote's speaker words and cue), carries a TextQuoteSelector (exact text with up to 32
// characters of prefix and suffix) and a TextPositionSelector.
//
// Offsets: the TextPositionSelector counts Unicode code points, as the model requires ("in terms of
// unicode code points, not code units"), over the article's text exactly as read (decoded from UTF-8,
// line ends kept, no whitespace normalisation: it is plain text, not HTML). Our annotations count UTF-16
// code units, so an emoji before a mention shifts the two by one per emoji. Hypothesis's own client
// counts UTF-16 units but re-anchors by the TextQuoteSelector first, which is exact either way.
// Our own facts (entity ids, kinds, the SHA-256) use the newsLens: prefix declared in the @context.
import type { Entity, Mention, Span } from '../core/types';
import { codePointMapper } from '../positions';
import { countryName, countryOf, entityIndex, titleOf } from '../query';
import { hexToBase64Url } from './text';
import type { ExportFile, ExportInput } from './types';

export const W3C_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { newsLens: 'https://github.com/news-lens/news-lens#' }] as const;

/** Characters of context on each side in TextQuoteSelector (Hypothesis uses 32 too). */
export const CONTEXT_CODE_POINTS = 32;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selectors = [TextQuoteSelector, TextPositionSelector];

/** Moves a UTF-16 offset back/forward by up to n code points, never splitting a surrogate pair. */
function stepBack(text: string, i: number, n: number): number {
  for (let k = 0; k < n && i > 0; k++) {
    i--;
    if (i > 0 && /[\udc00-\udfff]/.test(text[i]) && /[\ud800-\udbff]/.test(text[i - 1])) i--;
  }
  return i;
}

function stepForward(text: string, i: number, n: number): number {
  for (let k = 0; k < n && i < text.length; k++) {
    i++;
    if (i < text.length && /[\udc00-\udfff]/.test(text[i]) && /[\ud800-\udbff]/.test(text[i - 1])) i++;
  }
  return i;
}

export function renderW3c(input: ExportInput, stem: string): ExportFile[] {
  const { annotations: a, text } = input;
  const cp = codePointMapper(text);
  const byId = entityIndex(a);
  const sha = a.source.sha256;
  // RFC 6920 names the exact bytes when there is no file URI (an unsaved document, stdin).
  const source = input.uri ?? `ni:///sha-256;${hexToBase64Url(sha)}`;
  const base = `urn:news-lens:${sha}`;

  const selectors = (s: Span): Selectors => {
    const prefix = text.slice(stepBack(text, s.start, CONTEXT_CODE_POINTS), s.start);
    const suffix = text.slice(s.end, stepForward(text, s.end, CONTEXT_CODE_POINTS));
    return [
      // prefix and suffix are left out when empty (at the start or end of the text), as the model allows.
      { type: 'TextQuoteSelector', exact: text.slice(s.start, s.end), ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
      { type: 'TextPositionSelector', start: cp(s.start), end: cp(s.end) },
    ];
  };
  const target = (s: Span) => ({ source, selector: selectors(s) });
  const pointer = (role: string, s: Span) => ({ type: 'SpecificResource', purpose: 'linking', 'newsLens:role': role, source, selector: selectors(s) });
  const tag = (value: string) => ({ type: 'TextualBody', purpose: 'tagging', value });
  const describe = (value: string) => ({ type: 'TextualBody', purpose: 'describing', format: 'text/plain', value });

  const describeEntity = (e: Entity) => {
    const title = titleOf(e);
    const country = countryOf(e);
    const principal = e.speaksFor ? byId.get(e.speaksFor) : undefined;
    const where = country && e.type !== 'country' ? countryName(country, a) : undefined;
    return [title && where ? `${title}, ${where}` : title ?? where, principal ? `speaks for ${principal.name}` : undefined].filter(Boolean).join('; ');
  };

  const items: Record<string, unknown>[] = [];
  const mentions: { e: Entity; m: Mention }[] = a.entities.flatMap((e) => e.mentions.map((m) => ({ e, m })));
  mentions.sort((x, y) => x.m.start - y.m.start || x.m.end - y.m.end || x.e.id.localeCompare(y.e.id));
  mentions.forEach(({ e, m }, k) => {
    const about = describeEntity(e);
    items.push({
      id: `${base}:mention-${k + 1}`,
      type: 'Annotation',
      motivation: 'identifying',
      body: [
        { type: 'TextualBody', purpose: 'identifying', format: 'text/plain', value: e.name },
        tag(e.type),
        ...(e.leader ? [tag('leader')] : []),
        ...(about ? [describe(about)] : []),
        ...(m.title ? [pointer('title', m.title)] : []),
      ],
      target: target(m),
      'newsLens:entity': e.id,
      'newsLens:form': m.form,
      ...(e.type === 'country' && e.iso3 ? { 'newsLens:iso3': e.iso3 } : countryOf(e) ? { 'newsLens:country': countryOf(e) } : {}),
      ...(e.kbId ? { 'newsLens:kbId': e.kbId } : {}),
    });
  });
  [...a.quotes]
    .sort((x, y) => x.start - y.start || x.end - y.end)
    .forEach((q, k) => {
      const speaker = q.speaker ? byId.get(q.speaker) : undefined;
      items.push({
        id: `${base}:quote-${k + 1}`,
        type: 'Annotation',
        motivation: 'describing',
        body: [
          tag('quote'),
          tag(q.kind),
          describe(`${q.kind === 'indirect' ? 'Paraphrase' : 'Quote'} by ${speaker ? speaker.name : 'an unknown speaker'}${q.cue ? ` (cue: ${q.cue.text})` : ''}`),
          ...(q.speakerMention ? [pointer('speaker', q.speakerMention)] : []),
          ...(q.cue ? [pointer('cue', q.cue)] : []),
        ],
        target: target(q),
        'newsLens:quote': q.id,
        'newsLens:kind': q.kind,
        'newsLens:speaker': q.speaker,
      });
    });
  a.interactions.forEach((i, k) => {
    const names = i.participants.map((id) => byId.get(id)?.name ?? id);
    items.push({
      id: `${base}:interaction-${k + 1}`,
      type: 'Annotation',
      motivation: 'linking',
      body: [tag('interaction'), tag(i.kind), describe(`${names[0]} → ${names.slice(1).join(', ')} (${i.kind})`)],
      target: target(i.evidence),
      'newsLens:kind': i.kind,
      'newsLens:participants': i.participants,
    });
  });

  const collection = {
    '@context': W3C_CONTEXT,
    id: `${base}:annotations`,
    type: 'AnnotationCollection',
    label: `News Lens annotations of ${input.path}`,
    generator: { id: 'https://github.com/news-lens/news-lens', type: 'Software', name: 'News Lens' },
    'newsLens:source': input.path,
    'newsLens:sha256': sha,
    'newsLens:schema': a.schema,
    total: items.length,
    first: { id: `${base}:annotations-page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return [{ name: `${stem}.jsonld`, content: JSON.stringify(collection, null, 2) + '\n' }];
}
