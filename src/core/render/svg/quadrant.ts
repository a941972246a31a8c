import type { Quadrant } from '../../score/model.js';
import { chart, line, px, rect, text } from './markup.js';

// The capability × capacity map: numbered dots, each in its own item's quadrant (the middle lines
// stand for the target), spread apart where they would overlap. The legend is the table beside it.

export interface QuadrantDot {
  number: number;
  /** Capacity, 0–1 across. */
  x: number;
  /** Capability, 0–1 up. */
  y: number;
  quadrant: Quadrant;
}

const SIZE = 560;
const LEFT = 56;
const TOP = 40;
const PLOT = 460;
const R = 11;
/** Rings of candidate spots tried around a dot's own spot before it is drawn on top of another. */
const RINGS = 14;
/** Farther apart than this across or down, two dots cannot touch (they need 2R + 1 between centres). */
const NEAR = 2 * R + 2;

interface Placed {
  dot: QuadrantDot;
  cx: number;
  cy: number;
  /** Where the values put it, when the dot had to move. */
  home?: { x: number; y: number };
}

/** Where the search for a free spot stands: ring 0 is the dot's own spot, then `k` counts round each ring. */
interface Candidate {
  ring: number;
  k: number;
}

/**
 * Places dots in number order: each takes its own spot when free, else the first free spot on rings
 * around it that stays in the same quadrant and inside the plot. The same dots always land alike.
 *
 * Two shortcuts that change no spot. A dot stays a radius from its quadrant's edges, so dots of two
 * quadrants never touch: a spot is checked against its own quadrant's dots only. And a spot taken
 * stays taken: dots with the same own spot try the same candidates in the same order, so each
 * carries on from where the one before it settled, rather than trying the taken ones again.
 */
export function spread(dots: QuadrantDot[]): Placed[] {
  const placed: Placed[] = [];
  const mid = PLOT / 2;
  const apart = (2 * R + 1) ** 2;
  const byQuadrant = new Map<string, Placed[]>();
  const settledAt = new Map<string, Candidate>();
  for (const dot of [...dots].sort((a, b) => a.number - b.number)) {
    const hx = dot.x * PLOT;
    const hy = (1 - dot.y) * PLOT;
    // The dot's quadrant, as a box it must stay inside, a radius from every edge.
    const [x0, x1] = hx < mid ? [R + 1, mid - R - 1] : [mid + R + 1, PLOT - R - 1];
    const [y0, y1] = hy < mid ? [R + 1, mid - R - 1] : [mid + R + 1, PLOT - R - 1];
    const quadrant = `${x0} ${y0}`;
    const neighbours = byQuadrant.get(quadrant) ?? [];
    byQuadrant.set(quadrant, neighbours);
    const isFree = (cx: number, cy: number) => {
      if (cx < x0 || cx > x1 || cy < y0 || cy > y1) return false;
      // The last placed first: they are the likeliest in the way. A counted loop, and the distance
      // only for a dot within reach across and down: this runs once, in V8's interpreter, where
      // `for…of` makes an object a step and each fractional result is one more.
      for (let i = neighbours.length - 1; i >= 0; i--) {
        const dx = neighbours[i]!.cx - cx;
        if (dx <= -NEAR || dx >= NEAR) continue;
        const dy = neighbours[i]!.cy - cy;
        if (dy > -NEAR && dy < NEAR && dx ** 2 + dy ** 2 < apart) return false;
      }
      return true;
    };
    const home = `${hx} ${hy}`;
    const from = settledAt.get(home) ?? { ring: 0, k: 0 };
    let spot: { cx: number; cy: number } | undefined;
    let at: Candidate = { ring: RINGS + 1, k: 0 };
    for (let ring = from.ring; !spot && ring <= RINGS; ring++) {
      const count = ring === 0 ? 1 : 6 * ring;
      for (let k = ring === from.ring ? from.k : 0; k < count; k++) {
        const angle = -Math.PI / 2 + (2 * Math.PI * k) / count;
        const cx = ring === 0 ? hx : hx + Math.cos(angle) * ring * (2 * R + 2);
        const cy = ring === 0 ? hy : hy + Math.sin(angle) * ring * (2 * R + 2);
        if (isFree(cx, cy)) {
          spot = { cx, cy };
          at = { ring, k };
          break;
        }
      }
    }
    settledAt.set(home, at);
    spot ??= { cx: Math.min(x1, Math.max(x0, hx)), cy: Math.min(y1, Math.max(y0, hy)) };
    const moved = Math.abs(spot.cx - hx) > 0.5 || Math.abs(spot.cy - hy) > 0.5;
    const one: Placed = { dot, ...spot, ...(moved ? { home: { x: hx, y: hy } } : {}) };
    placed.push(one);
    neighbours.push(one);
  }
  return placed;
}

export function quadrantChart(id: string, title: string, dots: QuadrantDot[]): string {
  const X = (v: number) => LEFT + v;
  const Y = (v: number) => TOP + v;
  const mid = PLOT / 2;
  const parts = [
    rect(X(0), Y(0), PLOT, PLOT, 'frame'),
    rect(X(mid), Y(0), mid, mid, 'zone q-strength'),
    rect(X(0), Y(mid), mid, mid, 'zone q-critical'),
    line(X(mid), Y(0), X(mid), Y(PLOT), 'target'),
    line(X(0), Y(mid), X(PLOT), Y(mid), 'target'),
    text(X(mid / 2), TOP - 12, 'Stretched: capable, not resourced', 'tick strong', 'middle'),
    text(X(mid + mid / 2), TOP - 12, 'Strength: capable and resourced', 'tick strong', 'middle'),
    text(X(mid / 2), Y(PLOT) + 18, 'Critical: neither', 'tick strong', 'middle'),
    text(X(mid + mid / 2), Y(PLOT) + 18, 'Underskilled: resourced, not capable', 'tick strong', 'middle'),
    text(X(mid), SIZE - 8, 'Capacity: below target ← | → at or above target', 'label', 'middle'),
    `<text transform="translate(18 ${px(Y(mid))}) rotate(-90)" class="label" text-anchor="middle">Capability: below ← | → at or above target</text>`,
  ];
  const placed = spread(dots);
  for (const p of placed) {
    if (p.home) parts.push(line(X(p.home.x), Y(p.home.y), X(p.cx), Y(p.cy), 'leader'), `<circle cx="${px(X(p.home.x))}" cy="${px(Y(p.home.y))}" r="2" class="home"/>`);
  }
  for (const p of placed) {
    const label = String(p.dot.number);
    parts.push(
      `<circle cx="${px(X(p.cx))}" cy="${px(Y(p.cy))}" r="${R}" class="dot q-${p.dot.quadrant}"/>`,
      text(X(p.cx), Y(p.cy) + 4, label, label.length > 2 ? 'dot-text small' : 'dot-text', 'middle'),
    );
  }
  return chart(id, title, SIZE, SIZE, parts, 'Each numbered dot is a responsibility, numbered by its gap rank; the table beside the chart names each number. The middle lines stand for each item’s own target. Dots on the same spot are drawn side by side, with a thin line to the spot.');
}
