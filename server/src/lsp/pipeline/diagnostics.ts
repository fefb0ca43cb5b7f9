// Engine diagnostics → LSP diagnostics: source "News Lens", the engine's code, a codeDescription link to
// the README section for that code, related information. The severity is the engine's own: the engine
// already applied newsLens.severity (AnalyzeOptions.severities) and left out the codes set to 'off', so it
// is only translated here, never looked up again.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_DOCS_BASE } from '../../../../common/protocol';
import type { Diagnostic as EngineDiagnostic, Severity } from '../../core/types';
import { spanToLocation, spanToRange } from '../../positions';

export const DIAGNOSTIC_SOURCE = 'News Lens';

export const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
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

/** The engine's diagnostics of `version` of `doc` (whose text is the analysed text) as LSP diagnostics. */
export function toLspDiagnostics(doc: TextDocument, diagnostics: readonly EngineDiagnostic[], version: number): Diagnostic[] {
  return diagnostics.map((d) => {
    const data: DiagnosticData = { code: d.code, start: d.start, end: d.end, version, data: d.data };
    return {
      range: spanToRange(doc, d),
      severity: LSP_SEVERITY[d.severity],
      code: d.code,
      codeDescription: { href: DIAGNOSTIC_DOCS_BASE + d.code },
      source: DIAGNOSTIC_SOURCE,
      message: d.message,
      relatedInformation: d.related?.map((r) => ({ location: spanToLocation(doc, r.span), message: r.message })),
      data,
    };
  });
}
