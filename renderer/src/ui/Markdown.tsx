// Renders the app's Markdown as React elements only (never innerHTML), so a stray `<script>`
// or `<img src=…>` in a text is shown as words. Headings start one level below the screen's
// own headings (`headingBase`), keeping the page outline in order for screen readers.
import { createElement, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown.ts';

function inline(nodes: Inline[], key = ''): ReactNode[] {
  return nodes.map((n, i) => {
    const k = `${key}${i}`;
    switch (n.t) {
      case 'text': return n.text;
      case 'code': return <code key={k}>{n.text}</code>;
      case 'strong': return <strong key={k}>{inline(n.children, k)}</strong>;
      case 'em': return <em key={k}>{inline(n.children, k)}</em>;
      // a link is shown as its words, with the address in brackets when it is a web address:
      // the app never opens anything outside itself
      case 'link': return <span key={k} className="md-link">{inline(n.children, k)}{/^https?:/i.test(n.href) ? ` (${n.href})` : ''}</span>;
    }
  });
}

function block(b: Block, i: number, headingBase: number): ReactNode {
  switch (b.t) {
    case 'heading': return createElement(`h${Math.min(6, Math.max(2, headingBase + b.level - 2))}`, { key: i }, inline(b.children));
    case 'paragraph': return <p key={i}>{inline(b.children)}</p>;
    case 'quote': return <blockquote key={i}><p>{inline(b.children)}</p></blockquote>;
    case 'list': {
      const items = b.items.map((it, j) => <li key={j}>{inline(it)}</li>);
      return b.ordered ? <ol key={i} start={b.start === 1 ? undefined : b.start}>{items}</ol> : <ul key={i}>{items}</ul>;
    }
  }
}

/** headingBase: the HTML level a Markdown `##` heading becomes (default h3). */
export function Markdown({ source, headingBase = 3, className }: { source: string; headingBase?: number; className?: string }) {
  return <div className={className ? `markdown ${className}` : 'markdown'}>{parseMarkdown(source).map((b, i) => block(b, i, headingBase))}</div>;
}
