// Engine diagnostics → LSP diagnostics: source "News Lens", the engine's code, a codeDescription link to
// the README section for that code, related information, severity from newsLens.severity ('off' hides).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Severity } from '../../core/types';
import { DIAGNOSTIC_DOCS_BASE } from '../../../../common/protocol';
import type { AnalysisView } from '../view';
import { truncationDiagnostic } from './limits';
import { spanToLocation, spanToRange } from '../../positions';

export const DIAGNOSTIC_SOURCE = 'News Lens';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What code actions get back in `Diagnostic.data`: the engine's data plus the diagnostic's offsets. */
export interface DiagnosticData {
  code: string;
  start: number;
  end: number;
  version: number;
  data?: Record<string, string>;
}

export function toLspDiagnostics(view: AnalysisView): Diagnostic[] {
  if (view.skipped) return [];
  const out: Diagnostic[] = [];
  for (const d of view.analysis.diagnostics) {
    const severity = view.settings.severity[d.code] ?? d.severity;
    if (severity === 'off') continue;
    const data: DiagnosticData = { code: d.code, start: d.start, end: d.end, version: view.version, data: d.data };
    out.push({
      range: spanToRange(view.doc, d),
      severity: SEVERITY[severity] ?? DiagnosticSeverity.Warning,
      code: d.code,
      codeDescription: { href: DIAGNOSTIC_DOCS_BASE + d.code },
      source: DIAGNOSTIC_SOURCE,
      message: d.message,
      relatedInformation: d.related?.map((r) => ({ location: spanToLocation(view.doc, r.span), message: r.message })),
      data,
    });
  }
  // A document analysed only in part: one more diagnostic where the skipped part starts (limits.ts).
  const skippedPart = view.truncated && truncationDiagnostic(view.doc, view.truncated, view.settings.severity, view.version);
  if (skippedPart) out.push(skippedPart);
  return out;
}
