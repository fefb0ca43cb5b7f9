// Rename a person across all name mentions: mentions giving the full name get the new name; surname-only
// mentions get the new name's last word. Titles, pronouns and descriptions are left alone.
import { ResponseError, ErrorCodes, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import type { Entity, Mention } from '../../core/types';
import { spanToRange } from '../../positions';
import { mentionAt } from '../../query';
import type { AnalysisView } from '../view';

function target(view: AnalysisView, offset: number): { entity: Entity; mention: Mention } {
  const hit = mentionAt(view.analysis, offset);
  if (!hit || hit.entity.type !== 'person' || hit.mention.form !== 'name') {
    throw new ResponseError(ErrorCodes.InvalidRequest, 'News Lens renames people: put the cursor on a person’s name.');
  }
  return hit;
}

export function prepareRename(view: AnalysisView, offset: number): { range: Range; placeholder: string } {
  const { mention } = target(view, offset);
  return { range: spanToRange(view.doc, mention), placeholder: mention.text };
}

export function rename(view: AnalysisView, offset: number, newName: string): WorkspaceEdit {
  const { entity } = target(view, offset);
  const name = newName.trim().replace(/\s+/g, ' ');
  if (!name) throw new ResponseError(ErrorCodes.InvalidParams, 'The new name is empty.');
  const surname = name.split(' ').pop()!;
  const fullNames = new Set([entity.name, ...entity.mentions.filter((m) => m.form === 'name' && /\s/.test(m.text.trim())).map((m) => m.text)]);
  const edits = entity.mentions
    .filter((m) => m.form === 'name')
    .map((m) => ({ range: spanToRange(view.doc, m), newText: fullNames.has(m.text) ? name : surname }));
  return { changes: { [view.uri]: edits } };
}
