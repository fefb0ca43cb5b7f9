// The SVG export of the graph as drawn: a standalone document with the theme's colours resolved, nodes
// covered by their flags as on the canvas. Written here rather than with cytoscape-svg, which is GPL-3.0.
import type { Core } from 'cytoscape';
import { EDGE_FONT, flagSizes, NODE_FONT, theme } from './theme';

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (n: number) => String(Math.round(n * 100) / 100);

/** The graph as it is drawn, as a standalone SVG document (colours resolved from the theme). */
export function toSvg(c: Core, title: string): string {
  const t = theme();
  const bb = c.elements().boundingBox({ includeLabels: true });
  const pad = 20;
  const [x0, y0, w, h] = [bb.x1 - pad, bb.y1 - pad, bb.w + 2 * pad, bb.h + 2 * pad];
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h)}" viewBox="${num(x0)} ${num(y0)} ${num(w)} ${num(h)}" font-family="${xml(t.font)}">`,
    `<title>${xml(title)}</title>`,
    `<rect x="${num(x0)}" y="${num(y0)}" width="${num(w)}" height="${num(h)}" fill="${xml(t.bg)}"/>`,
  ];
  c.edges().forEach((e) => {
    const s = e.sourceEndpoint();
    const d = e.targetEndpoint();
    out.push(`<line x1="${num(s.x)}" y1="${num(s.y)}" x2="${num(d.x)}" y2="${num(d.y)}" stroke="${xml(t.line)}" stroke-width="${num(Number(e.data('width')))}" stroke-linecap="round"/>`);
    const m = e.midpoint();
    let angle = (Math.atan2(d.y - s.y, d.x - s.x) * 180) / Math.PI;
    if (angle > 90) angle -= 180;
    if (angle < -90) angle += 180;
    out.push(
      `<text x="${num(m.x)}" y="${num(m.y)}" transform="rotate(${num(angle)} ${num(m.x)} ${num(m.y)})" text-anchor="middle" dominant-baseline="central" font-size="${EDGE_FONT}" fill="${xml(t.muted)}" stroke="${xml(t.bg)}" stroke-width="3" paint-order="stroke" stroke-linejoin="round">${xml(String(e.data('label')))}</text>`,
    );
  });
  c.nodes().forEach((n, i) => {
    const p = n.position();
    const size = Number(n.data('size'));
    const r = size / 2;
    const colour = xml(String(n.data('color')));
    const org = n.data('type') === 'organization';
    const shape = (attrs: string) =>
      org
        ? `<rect x="${num(p.x - r)}" y="${num(p.y - r)}" width="${num(size)}" height="${num(size)}" rx="${num(size / 5)}" ${attrs}/>`
        : `<circle cx="${num(p.x)}" cy="${num(p.y)}" r="${num(r)}" ${attrs}/>`;
    out.push(`<g><title>${xml(String(n.data('label')).replace(/\n/g, ', '))}</title>`);
    out.push(shape(`fill="${colour}"`));
    const flag = n.data('flag') as string | undefined;
    if (flag) {
      // Cover the node with the flag, as the canvas does (background-fit: cover).
      const natural = flagSizes.get(flag) ?? { w: 3, h: 2 };
      const scale = size / Math.min(natural.w, natural.h);
      const [fw, fh] = [natural.w * scale, natural.h * scale];
      out.push(`<clipPath id="clip${i}">${shape('')}</clipPath>`);
      out.push(`<image href="${xml(flag)}" x="${num(p.x - fw / 2)}" y="${num(p.y - fh / 2)}" width="${num(fw)}" height="${num(fh)}" preserveAspectRatio="none" clip-path="url(#clip${i})"/>`);
    }
    out.push(shape(`fill="none" stroke="${colour}" stroke-width="3"`));
    const lines = String(n.data('label')).split('\n');
    const tspans = lines.map((line, k) => `<tspan x="${num(p.x)}" dy="${k === 0 ? '0' : '1.2em'}">${xml(line)}</tspan>`).join('');
    out.push(
      `<text x="${num(p.x)}" y="${num(p.y + r + 5 + NODE_FONT)}" text-anchor="middle" font-size="${NODE_FONT}" fill="${xml(t.fg)}" stroke="${xml(t.bg)}" stroke-width="2" paint-order="stroke" stroke-linejoin="round">${tspans}</text></g>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
