// newsLens/annotations: the full news-lens/annotations@1 object of one document, as the CLI prints it
// (the source's path and the SHA-256 of the text in the editor).
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Annotations } from '../../../../common/protocol';
import { toAnnotations } from '../../core/annotations';
import type { AnalysisView } from '../view';

export function annotations(view: AnalysisView): Annotations {
  const text = view.doc.getText();
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const path = view.uri.startsWith('file:') ? fileURLToPath(view.uri) : view.uri;
  return toAnnotations(view.analysis, { path, sha256 }) as Annotations;
}
