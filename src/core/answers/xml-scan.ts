// A streaming reader of the little XML a workbook's parts need: start and end tags by their local
// name (whatever namespace prefix the writer used: `<x:row>` is `row`), text with its entities
// decoded, CDATA as text, and comments, processing instructions and a DOCTYPE skipped. Text is fed
// a piece at a time; what a piece cuts off is kept for the next. No entity of a DTD is expanded.

export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Whether text is wanted now: text outside the elements read is not even decoded. */
  wantsText: boolean;
  text(text: string): void;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * XML text as written: entities, character references, and OOXML's `_xHHHH_` for characters XML cannot hold.
 */
export function xmlText(raw: string): string {
  let text = raw;
  if (text.includes('&')) {
    text = text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name] ?? whole;
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  return text.includes('_x')
    ? text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** An attribute's value by its local name (`r`, or `id` of `r:id`), or undefined. */
export function attribute(attributes: string, name: string): string | undefined {
  // The common spelling first (` r="A1"`): a regular expression per cell was a tenth of a sheet's time.
  if (!attributes.includes(name)) return undefined;
  const plain = attributes.indexOf(` ${name}="`);
  if (plain >= 0) {
    const start = plain + name.length + 3;
    const end = attributes.indexOf('"', start);
    if (end >= 0) {
      const value = attributes.slice(start, end);
      return value.includes('&') || value.includes('_x') ? xmlText(value) : value;
    }
  }
  const match = attributePattern(name).exec(attributes);
  return match ? xmlText(match[1] ?? match[2] ?? '') : undefined;
}

const patterns = new Map<string, RegExp>();
function attributePattern(name: string): RegExp {
  let pattern = patterns.get(name);
  if (!pattern)
    patterns.set(name, (pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  return pattern;
}

const localName = (qualified: string) => {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
};

export class XmlScanner {
  /** What the last piece cut off, in pieces: joined only once what ends it has come (linear time). */
  private pending: string[] = [];
  /** What ends the construct cut off: `-->` for a comment, `>` for a tag, `<` for text. */
  private awaiting = '<';
  private stopped = false;

  constructor(private readonly handler: XmlHandler) {}

  /** Ends the scan: what is fed afterwards is ignored. */
  stop(): void {
    this.stopped = true;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  feed(piece: string): void {
    if (this.stopped) return;
    if (this.pending.length > 0) {
      const last = this.pending[this.pending.length - 1]!;
      if (!(last.slice(-this.awaiting.length) + piece).includes(this.awaiting)) {
        this.pending.push(piece);
        return;
      }
    }
    this.pending.push(piece);
    const xml = this.pending.length === 1 ? piece : this.pending.join('');
    this.pending = [];
    const handler = this.handler;
    let at = 0;
    while (!this.stopped) {
      const lt = xml.indexOf('<', at);
      if (lt < 0) {
        this.awaiting = '<';
        break;
      }
      if (lt > at && handler.wantsText) handler.text(xmlText(xml.slice(at, lt)));
      at = lt;
      const next = xml.charCodeAt(lt + 1);
      if (next === 0x21 /* ! */) {
        // Two checks, not one literal: the facilitator page inlines this code in a <script>, which may not hold that literal.
        if (xml.startsWith('<!', lt) && xml.startsWith('--', lt + 2)) {
          const end = xml.indexOf('-->', lt + 4);
          if (end < 0) {
            this.awaiting = '-->';
            break;
          }
          at = end + 3;
        } else if (xml.startsWith('<![CDATA[', lt)) {
          const end = xml.indexOf(']]>', lt + 9);
          if (end < 0) {
            this.awaiting = ']]>';
            break;
          }
          if (handler.wantsText) handler.text(xml.slice(lt + 9, end));
          at = end + 3;
        } else {
          // A DOCTYPE, with an internal subset in brackets or not.
          const bracket = xml.indexOf('[', lt);
          const gt = xml.indexOf('>', lt);
          const end = gt < 0 ? -1 : bracket >= 0 && bracket < gt ? xml.indexOf(']>', bracket) : gt - 1;
          if (end < 0) {
            this.awaiting = '>';
            break;
          }
          at = end + 2;
        }
        continue;
      }
      if (next === 0x3f /* ? */) {
        const end = xml.indexOf('?>', lt + 2);
        if (end < 0) {
          this.awaiting = '?>';
          break;
        }
        at = end + 2;
        continue;
      }
      const gt = xml.indexOf('>', lt + 1);
      if (gt < 0) {
        this.awaiting = '>';
        break;
      }
      at = gt + 1;
      if (next === 0x2f /* / */) {
        handler.close(localName(xml.slice(lt + 2, gt).trim()));
        continue;
      }
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
      const tagEnd = selfClosing ? gt - 1 : gt;
      let nameEnd = lt + 1;
      let colon = -1;
      for (; nameEnd < tagEnd; nameEnd++) {
        const c = xml.charCodeAt(nameEnd);
        if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) break;
        if (c === 0x3a) colon = nameEnd;
      }
      const name = xml.slice(colon < 0 ? lt + 1 : colon + 1, nameEnd);
      handler.open(name, nameEnd < tagEnd ? xml.slice(nameEnd, tagEnd) : '', selfClosing);
      if (selfClosing) handler.close(name);
    }
    // Text with no tag after it yet may be cut inside an entity: it waits for the next piece.
    if (!this.stopped && at < xml.length) this.pending.push(xml.slice(at));
  }
}
