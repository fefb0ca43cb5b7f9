// `newsLens.*` settings, read per resource through workspace/configuration (scopeUri = the document),
// cached until the client reports a configuration change. Clients without workspace/configuration
// get the defaults merged with initializationOptions.settings / didChangeConfiguration's settings.
import { DEFAULT_MAX_FILE_SIZE } from '../budget';
import type { Severity } from '../core/types';

export type SeveritySetting = Severity | 'off';

export interface NewsLensSettings {
  enable: boolean;
  languages: string[];
  severity: Record<string, SeveritySetting>;
  gazetteerFiles: string[];
  articleDate: string;
  inlayHints: { enable: boolean };
  maxFileSize: number;
}

export const DEFAULT_SETTINGS: NewsLensSettings = {
  enable: true,
  languages: ['plaintext', 'markdown', 'news-article'],
  severity: {},
  gazetteerFiles: [],
  articleDate: '',
  inlayHints: { enable: true },
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Merges a (possibly partial, possibly malformed) settings object over the defaults. */
export function normalizeSettings(raw: unknown): NewsLensSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const severity: Record<string, SeveritySetting> = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [code, value] of Object.entries(r.severity)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) severity[code] = value as SeveritySetting;
    }
  }
  const strings = (v: unknown, d: string[]) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : d);
  const inlay = r.inlayHints && typeof r.inlayHints === 'object' ? r.inlayHints : {};
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    languages: strings(r.languages, DEFAULT_SETTINGS.languages),
    severity,
    gazetteerFiles: strings(r.gazetteerFiles, DEFAULT_SETTINGS.gazetteerFiles),
    articleDate: typeof r.articleDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.articleDate.trim()) ? r.articleDate.trim() : '',
    inlayHints: { enable: typeof inlay.enable === 'boolean' ? inlay.enable : (typeof r['inlayHints.enable'] === 'boolean' ? r['inlayHints.enable'] : true) },
    maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : DEFAULT_SETTINGS.maxFileSize,
  };
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<NewsLensSettings>>();
  private global: unknown;
  private usePull = false;

  /** `pull` asks the client for the newsLens section of a resource (workspace/configuration). */
  constructor(private readonly pull: (uri: string) => Promise<unknown>) {}

  /** Called from onInitialize. */
  init(pullSupported: boolean, initialSettings: unknown): void {
    this.usePull = pullSupported;
    this.global = initialSettings;
  }

  /** Called on workspace/didChangeConfiguration. */
  changed(pushed: unknown): void {
    const p = pushed as { newsLens?: unknown } | undefined;
    if (p && p.newsLens !== undefined) this.global = p.newsLens;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  get(uri: string): Promise<NewsLensSettings> {
    let s = this.cache.get(uri);
    if (!s) {
      s = this.usePull ? this.pull(uri).then(normalizeSettings, () => normalizeSettings(this.global)) : Promise.resolve(normalizeSettings(this.global));
      this.cache.set(uri, s);
    }
    return s;
  }
}
