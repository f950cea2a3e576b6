// A deliberately small Markdown reader for the app's own answer and guideline texts:
// headings, paragraphs, bullet and numbered lists, quotes, **bold**, *italic*, `code` and
// links. It builds a plain tree that Markdown.tsx turns into React elements, so any HTML
// in the text is shown as text and never becomes markup. Links are kept as words: the app
// never opens anything outside itself.

export type Inline =
  | { t: 'text'; text: string }
  | { t: 'strong'; children: Inline[] }
  | { t: 'em'; children: Inline[] }
  | { t: 'code'; text: string }
  | { t: 'link'; children: Inline[]; href: string };

export type Block =
  | { t: 'heading'; level: number; children: Inline[] }
  | { t: 'paragraph'; children: Inline[] }
  | { t: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { t: 'quote'; children: Inline[] };

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,3})[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: { ordered: boolean; start: number; items: string[] } | null = null;
  let quote: string[] = [];

  const flush = () => {
    if (para.length) blocks.push({ t: 'paragraph', children: parseInline(para.join(' ')) });
    if (list) blocks.push({ t: 'list', ordered: list.ordered, start: list.start, items: list.items.map(parseInline) });
    if (quote.length) blocks.push({ t: 'quote', children: parseInline(quote.join(' ')) });
    para = []; list = null; quote = [];
  };

  for (const line of lines) {
    if (!line.trim()) { flush(); continue; }
    const h = HEADING.exec(line);
    const b = BULLET.exec(line);
    const n = NUMBERED.exec(line);
    const q = QUOTE.exec(line);
    if (h) { flush(); blocks.push({ t: 'heading', level: h[1].length, children: parseInline(h[2]) }); }
    else if (b || n) {
      const ordered = !b;
      if (!list || list.ordered !== ordered) { flush(); list = { ordered, start: n ? Number(n[1]) : 1, items: [] }; }
      list.items.push(b ? b[1] : n![2]);
    } else if (q) { if (!quote.length) flush(); quote.push(q[1]); }
    else if (list && /^\s+/.test(line)) list.items[list.items.length - 1] += ` ${line.trim()}`;
    else { if (list || quote.length) flush(); para.push(line.trim()); }
  }
  flush();
  return blocks;
}

/** Inline marks, read left to right; anything unmatched stays literal text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buf = '';
  const push = (node: Inline) => { if (buf) out.push({ t: 'text', text: buf }); buf = ''; out.push(node); };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^`([^`]+)`/.exec(rest))) { push({ t: 'code', text: m[1] }); i += m[0].length; continue; }
    if ((m = /^\*\*(?=\S)([\s\S]*?\S)\*\*/.exec(rest)) || (m = /^__(?=\S)([\s\S]*?\S)__/.exec(rest))) { push({ t: 'strong', children: parseInline(m[1]) }); i += m[0].length; continue; }
    if ((m = /^\*(?=\S)([^*]*?\S)\*/.exec(rest)) || (/[\s(]$|^$/.test(text.slice(Math.max(0, i - 1), i)) && (m = /^_(?=\S)([^_]*?\S)_(?![A-Za-z0-9])/.exec(rest)))) { push({ t: 'em', children: parseInline(m[1]) }); i += m[0].length; continue; }
    if ((m = /^\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))*)\)/.exec(rest))) { push({ t: 'link', children: parseInline(m[1]), href: m[2] }); i += m[0].length; continue; }
    buf += text[i];
    i++;
  }
  if (buf) out.push({ t: 'text', text: buf });
  return out;
}
