// graphml: the article's conversation graph (http://graphml.graphdrawing.org/) for Gephi or yEd. Nodes are
// every person and organisation (and any country taking part in an interaction), with their name as
// `label` (the attribute Gephi shows), type, country, title, leader flag, knowledge-base id and every
// mention as text with offsets. Edges are directed, one per interaction and pair (first participant →
// each other one), with the kind and the evidence sentence and its offsets (UTF-16, as in the JSON).
// Every text is XML-escaped; characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates,
// U+FFFE/U+FFFF) become U+FFFD; CR is written as &#13; so that XML's line-end normalisation keeps it.
import type { Entity } from '../core/types';
import { countryOf, entityIndex, sortedMentions, titleOf } from '../query';
import type { ExportFile, ExportInput } from './types';

/** Text for XML content or a double-quoted attribute value. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/** GraphML ids are NMTOKENs; entity ids ('person:vladimir-putin') are, others get a generated id. */
const NMTOKEN = /^[\p{L}\p{N}._:-]+$/u;

const KEYS: [id: string, forWhat: 'graph' | 'node' | 'edge', name: string, type: 'string' | 'boolean' | 'int'][] = [
  ['g_source', 'graph', 'source', 'string'],
  ['g_sha256', 'graph', 'sha256', 'string'],
  ['g_schema', 'graph', 'schema', 'string'],
  ['label', 'node', 'label', 'string'],
  ['type', 'node', 'type', 'string'],
  ['country', 'node', 'country', 'string'],
  ['title', 'node', 'title', 'string'],
  ['leader', 'node', 'leader', 'boolean'],
  ['kb_id', 'node', 'kb_id', 'string'],
  ['entity_id', 'node', 'entity_id', 'string'],
  ['speaks_for', 'node', 'speaks_for', 'string'],
  ['mention_count', 'node', 'mention_count', 'int'],
  ['mentions', 'node', 'mentions', 'string'],
  ['kind', 'edge', 'kind', 'string'],
  ['evidence', 'edge', 'evidence', 'string'],
  ['evidence_start', 'edge', 'evidence_start', 'int'],
  ['evidence_end', 'edge', 'evidence_end', 'int'],
];

export function renderGraphml(input: ExportInput, stem: string): ExportFile[] {
  const a = input.annotations;
  const byId = entityIndex(a);
  const inGraph = new Set(a.entities.filter((e) => e.type !== 'country').map((e) => e.id));
  for (const i of a.interactions) for (const p of i.participants) if (byId.has(p)) inGraph.add(p);
  const nodes = a.entities.filter((e) => inGraph.has(e.id));
  const nodeId = new Map(nodes.map((e, k) => [e.id, NMTOKEN.test(e.id) ? e.id : `n${k + 1}`]));

  const data = (key: string, value: string | number | boolean | undefined, indent: string) =>
    value === undefined || value === '' ? [] : [`${indent}<data key="${key}">${xmlEscape(String(value))}</data>`];

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...KEYS.map(([id, forWhat, name, type]) => `  <key id="${id}" for="${forWhat}" attr.name="${name}" attr.type="${type}"/>`),
    '  <graph id="G" edgedefault="directed">',
    ...data('g_source', input.path, '    '),
    ...data('g_sha256', a.source.sha256, '    '),
    ...data('g_schema', a.schema, '    '),
  ];
  const nodeData = (e: Entity) => {
    const ms = sortedMentions(e);
    return [
      ...data('label', e.name, '      '),
      ...data('type', e.type, '      '),
      ...data('country', countryOf(e), '      '),
      ...data('title', titleOf(e), '      '),
      ...data('leader', e.type === 'person' ? !!e.leader : undefined, '      '),
      ...data('kb_id', e.kbId, '      '),
      ...data('entity_id', e.id, '      '),
      ...data('speaks_for', e.speaksFor, '      '),
      ...data('mention_count', ms.length, '      '),
      ...data('mentions', ms.map((m) => `${m.text} [${m.start}, ${m.end})`).join('; '), '      '),
    ];
  };
  for (const e of nodes) out.push(`    <node id="${xmlEscape(nodeId.get(e.id)!)}">`, ...nodeData(e), '    </node>');
  let edge = 0;
  for (const i of a.interactions) {
    const [from, ...to] = i.participants;
    for (const t of to) {
      if (!nodeId.has(from) || !nodeId.has(t)) continue;
      out.push(
        `    <edge id="e${++edge}" source="${xmlEscape(nodeId.get(from)!)}" target="${xmlEscape(nodeId.get(t)!)}">`,
        ...data('kind', i.kind, '      '),
        ...data('evidence', i.evidence.text, '      '),
        ...data('evidence_start', i.evidence.start, '      '),
        ...data('evidence_end', i.evidence.end, '      '),
        '    </edge>',
      );
    }
  }
  out.push('  </graph>', '</graphml>', '');
  return [{ name: `${stem}.graphml`, content: out.join('\n') }];
}
