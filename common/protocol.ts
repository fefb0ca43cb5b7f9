// The News Lens custom LSP protocol: typed once here, used by the server (server/src/) and the client
// (client/src/), both by relative path; esbuild bundles it into each. Only types and
// RequestType/NotificationType constants live here, so importing it pulls in no engine code (the engine's
// types are imported as types only).
import {
  NotificationType,
  RequestType,
  RequestType0,
  type Position,
  type Range,
  type TextDocumentIdentifier,
} from 'vscode-languageserver-protocol';
import type { Analysis, EntityType, InteractionKind, QuoteKind } from '../server/src/core/types';

/** Parameters shared by every per-document request. */
export interface DocumentParams {
  textDocument: TextDocumentIdentifier;
}

// ---- newsLens/conversations: the who-spoke-to-whom graph of one document ----

export interface ConversationNode {
  id: string;
  name: string;
  type: EntityType;
  /** ISO alpha-3 of the person's country, when known. */
  country?: string;
  leader?: boolean;
  /** The entity's first mention. */
  range: Range;
}

export interface Evidence {
  range: Range;
  text: string;
}

/** One directed edge: `from` (the initiator when known) spoke to `to`. */
export interface ConversationEdge {
  from: string;
  to: string;
  kind: InteractionKind | string;
  evidence: Evidence[];
}

export interface ConversationsResult {
  uri: string;
  version: number;
  nodes: ConversationNode[];
  edges: ConversationEdge[];
}

export const ConversationsRequest = new RequestType<DocumentParams, ConversationsResult | null, void>(
  'newsLens/conversations',
);

// ---- newsLens/annotations: the full news-lens/annotations@1 object of one document ----

export type Annotations = Omit<Analysis, 'source'> & {
  source: Analysis['source'] & { path: string; sha256: string };
};

export const AnnotationsRequest = new RequestType<DocumentParams, Annotations | null, void>('newsLens/annotations');

// ---- newsLens/export: one article in an export format (the Export Annotations commands) ----

export interface ExportParams {
  /** An open document; or give `uri` instead. */
  textDocument?: TextDocumentIdentifier;
  /** An open document's URI, or a file:// URI read from disk when the file is not open. */
  uri?: string;
  /** json, jsonl, csv, brat, w3c, markdown or graphml (common/exportFormats.ts). */
  format: string;
  /** Output file names start with this (default: the article's file name without its extension). */
  stem?: string;
  /**
   * 'body' for the second and later articles of a streamed export (one jsonl or csv file): without what
   * only the start of the file carries (the CSV byte-order mark and header, exportFormats.ts CSV_HEAD).
   */
  part?: 'whole' | 'body';
}

export interface ExportFileContent {
  /** A bare file name; the first file is the export's main output (brat adds the .txt copy and annotation.conf). */
  name: string;
  content: string;
}

export interface ExportResult {
  uri: string;
  /** The document version exported, when the document is open. */
  version?: number;
  files: ExportFileContent[];
}

/** Fails (ResponseError) with a reason for an unknown format, an unreadable, binary, too large or disabled file. */
export const ExportRequest = new RequestType<ExportParams, ExportResult, void>('newsLens/export');

// ---- newsLens/quotes: the quotes of one document with LSP ranges (the Quotes view, Go to Speaker) ----

export interface QuoteInfo {
  id: string;
  kind: QuoteKind;
  range: Range;
  text: string;
  speaker: { id: string; name: string } | null;
  /** Where the speaker is named (what Go to Definition and Go to Speaker reveal). */
  speakerRange: Range | null;
  /** The attribution words as written ("the statement"), which may not name the speaker. */
  speakerWordsRange: Range | null;
  cueRange: Range | null;
  cue: string | null;
}

export interface QuotesResult {
  uri: string;
  version: number;
  quotes: QuoteInfo[];
}

export const QuotesRequest = new RequestType<DocumentParams, QuotesResult | null, void>('newsLens/quotes');

// ---- newsLens/entityAt: the entity (or quote speaker) under a position ----

export interface EntityAtParams extends DocumentParams {
  position: Position;
}

export interface EntityAtResult {
  id: string;
  name: string;
  type: EntityType;
  /** Set when the position is inside a quote rather than on a mention. */
  quoteId?: string;
}

export const EntityAtRequest = new RequestType<EntityAtParams, EntityAtResult | null, void>('newsLens/entityAt');

// ---- newsLens/refresh: reload settings and gazetteers, re-analyse every open document ----

export const RefreshRequest = new RequestType0<void, void>('newsLens/refresh');

// ---- newsLens/analysisState (server → client): an analysis started, finished or was skipped ----

export type AnalysisStateKind = 'analyzing' | 'ready' | 'disabled' | 'too-large' | 'error';

export interface AnalysisCounts {
  leaders: number;
  people: number;
  countries: number;
  /** Quotations (direct and mixed). */
  quotes: number;
  /** Reported speech without quotation marks. */
  paraphrases: number;
  interactions: number;
  diagnostics: number;
}

/**
 * A document larger than newsLens.maxFileSize is analysed only up to a paragraph break within that many
 * bytes; the rest is skipped (and said so by the `analysis-truncated` diagnostic).
 */
export interface AnalysisTruncation {
  /** UTF-16 length of the analysed beginning (the offset where the skipped part starts). */
  analyzedLength: number;
  totalLength: number;
  /** UTF-8 bytes analysed and in all. */
  analyzedBytes: number;
  totalBytes: number;
  /** newsLens.maxFileSize. */
  maxBytes: number;
}

export interface AnalysisStateParams {
  uri: string;
  version: number;
  state: AnalysisStateKind;
  counts?: AnalysisCounts;
  /** Milliseconds the engine took, when state is 'ready'. */
  durationMs?: number;
  /** Set when state is 'ready' and only the beginning of the document was analysed. */
  truncated?: AnalysisTruncation;
  message?: string;
}

export const AnalysisStateNotification = new NotificationType<AnalysisStateParams>('newsLens/analysisState');

// ---- newsLens/workspaceTrust (client → server): the workspace was trusted (restricted mode ended) ----

/**
 * In an untrusted workspace (initializationOptions.workspaceTrusted: false) the server reads no gazetteer
 * file inside a workspace folder or named by a relative path. The client sends this when the user trusts
 * the workspace; the server then reads them and re-analyses.
 */
export const WorkspaceTrustNotification = new NotificationType<{ trusted: boolean }>('newsLens/workspaceTrust');

/** The diagnostic codes' documentation anchors in the README. */
export const DIAGNOSTIC_DOCS_BASE = 'https://github.com/news-lens/news-lens#diagnostic-';

/** Semantic token legend (shared so tests and the client's package.json agree). */
export const SEMANTIC_TOKEN_TYPES = ['leader', 'person', 'country', 'quote', 'speaker'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['firstMention', 'unattributed'] as const;

// ---- newsLens/graph: the conversation graph of one document, or of every article in the workspace ----

export type GraphScope = 'document' | 'workspace';

export type GraphParams = { scope: 'document'; textDocument: TextDocumentIdentifier } | { scope: 'workspace' };

export interface GraphLocation {
  uri: string;
  range: Range;
}

export interface GraphQuote extends GraphLocation {
  text: string;
  kind: QuoteKind;
  /** The organisation that said it for this person ("Netanyahu's Office"). */
  via?: string;
}

export interface GraphNode {
  /** Merge key across articles: 'kb:<knowledge-base id>', 'country:<ISO3>', else 'name:<normalised name>'. */
  id: string;
  name: string;
  type: EntityType;
  /** ISO alpha-3 of the person's or organisation's country (a country's own code). */
  country?: string;
  countryName?: string;
  /** The country's flag as an emoji. */
  flag?: string;
  /** Office from the article or the knowledge base ("President"). */
  title?: string;
  leader?: boolean;
  /** The first mention in each article, articles in uri order. */
  mentions: GraphLocation[];
  /** Quotes and paraphrases said by the entity (or by an office speaking for it). */
  quotes: GraphQuote[];
}

export interface GraphEvidence extends GraphLocation {
  text: string;
  kind: InteractionKind | string;
}

/** Who spoke to whom, undirected: `source` < `target` (node ids). One edge per pair of nodes. */
export interface GraphEdge {
  /** `${source}|${target}` */
  id: string;
  source: string;
  target: string;
  /** Kinds of contact, sorted (call, meeting, message, talks). */
  kinds: string[];
  /** Number of interactions: repeated contact draws a thicker edge. */
  count: number;
  /** The articles reporting the contact, sorted. */
  articles: string[];
  evidence: GraphEvidence[];
}

export interface GraphResult {
  scope: GraphScope;
  /** The articles the graph was built from, sorted by uri. */
  articles: { uri: string; version?: number }[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Workspace scope: the workspace is still being indexed; more articles may follow. */
  indexing?: boolean;
}

export const GraphRequest = new RequestType<GraphParams, GraphResult | null, void>('newsLens/graph');
