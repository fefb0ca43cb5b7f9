// The graph's look, from VS Code's theme: colours and fonts read from its CSS variables, one chart colour
// per country, the flags' natural sizes, and the Cytoscape.js stylesheet built from them.
import type cytoscape from 'cytoscape';
import type { GraphResult } from '../../../../common/protocol';

export const NODE_FONT = 13;
export const EDGE_FONT = 12;

const PALETTE = [
  ['--vscode-charts-blue', '#3794ff'],
  ['--vscode-charts-red', '#f14c4c'],
  ['--vscode-charts-green', '#89d185'],
  ['--vscode-charts-orange', '#d18616'],
  ['--vscode-charts-purple', '#b180d7'],
  ['--vscode-charts-yellow', '#cca700'],
] as const;

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export interface Theme {
  fg: string;
  bg: string;
  muted: string;
  line: string;
  focus: string;
  neutral: string;
  font: string;
  palette: string[];
}

export function theme(): Theme {
  return {
    fg: cssVar('--vscode-editor-foreground', '#333333'),
    bg: cssVar('--vscode-editor-background', '#ffffff'),
    muted: cssVar('--vscode-descriptionForeground', '#717171'),
    line: cssVar('--vscode-charts-lines', cssVar('--vscode-descriptionForeground', '#808080')),
    focus: cssVar('--vscode-focusBorder', '#0078d4'),
    neutral: cssVar('--vscode-charts-foreground', cssVar('--vscode-descriptionForeground', '#808080')),
    font: cssVar('--vscode-font-family', 'system-ui, sans-serif'),
    palette: PALETTE.map(([v, f]) => cssVar(v, f)),
  };
}

/** Each country of the graph gets one of the theme's chart colours, in order of its code (distinct up to six countries). */
export function countryColours(t: Theme, g: GraphResult): (iso3: string | undefined) => string {
  const countries = [...new Set(g.nodes.flatMap((n) => (n.country ? [n.country] : [])))].sort();
  return (iso3) => (iso3 ? t.palette[countries.indexOf(iso3) % t.palette.length] : t.neutral);
}

/** Natural sizes of the flag images (for the SVG export's "cover" placement), filled as they load. */
export const flagSizes = new Map<string, { w: number; h: number }>();
export function measureFlags(flags: Record<string, string>): void {
  for (const src of Object.values(flags)) {
    if (flagSizes.has(src)) continue;
    const img = new Image();
    img.onload = () => flagSizes.set(src, { w: img.naturalWidth || 3, h: img.naturalHeight || 2 });
    img.src = src;
  }
}

export function stylesheet(t: Theme): cytoscape.StylesheetJson {
  const style = [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        'border-color': 'data(color)',
        'border-width': 3,
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        color: t.fg,
        'font-family': t.font,
        'font-size': NODE_FONT,
        'text-wrap': 'wrap',
        'text-max-width': '180px',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-outline-color': t.bg,
        'text-outline-width': 2,
      },
    },
    { selector: 'node[flag]', style: { 'background-image': 'data(flag)', 'background-fit': 'cover', 'background-clip': 'node' } },
    { selector: 'node[type = "organization"]', style: { shape: 'round-rectangle' } },
    { selector: 'node:selected', style: { 'border-color': t.focus, 'border-width': 4 } },
    { selector: 'node.focused', style: { 'outline-color': t.focus, 'outline-width': 3, 'outline-offset': 3, 'outline-opacity': 1 } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': t.line,
        'curve-style': 'straight',
        label: 'data(label)',
        color: t.muted,
        'font-family': t.font,
        'font-size': EDGE_FONT,
        'text-rotation': 'autorotate',
        'text-outline-color': t.bg,
        'text-outline-width': 3,
      },
    },
    { selector: 'edge:selected', style: { 'line-color': t.focus, color: t.fg } },
    { selector: 'node.dim, edge.dim', style: { opacity: 0.35 } },
  ];
  return style as unknown as cytoscape.StylesheetJson;
}
