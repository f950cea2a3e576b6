// @vitest-environment jsdom
// The Markdown renderer never turns text into markup: HTML, event handlers and script links
// in a text are shown as words; headings sit below the screen's own headings.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { Markdown } from '../../../renderer/src/ui/Markdown.tsx';
import { parseInline, parseMarkdown } from '../../../renderer/src/ui/markdown.ts';

afterEach(cleanup);

describe('Markdown renderer safety', () => {
  it('shows HTML as text and creates no elements from it', () => {
    const evil = '<script>window.pwned = 1</script>\n\n<img src="https://example.com/x.png" onerror="alert(1)">\n\n<iframe src="https://example.com"></iframe> **bold <b>x</b>**';
    const { container } = render(<Markdown source={evil} />);
    expect(container.querySelector('script, img, iframe, b')).toBeNull();
    expect(container.querySelectorAll('[onerror], [src], [href]')).toHaveLength(0);
    expect(container.textContent).toContain('<script>window.pwned = 1</script>');
    expect(container.textContent).toContain('<img src="https://example.com/x.png" onerror="alert(1)">');
    expect(container.querySelector('strong')?.textContent).toBe('bold <b>x</b>');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('keeps links as words, never as clickable addresses', () => {
    const { container } = render(<Markdown source={'[click](javascript:alert(1)) and [NCI](https://www.cancer.gov)'} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe('click and NCI (https://www.cancer.gov)');
  });

  it('renders headings, lists, emphasis and code with the right levels', () => {
    const { container } = render(<Markdown source={'## Common side effects\n\n- *Rash*\n- Diarrhoea,\n  often mild\n\n1. one\n2. two\n\n### Detail\n\nUse `osimertinib` **once** a day.'} headingBase={3} />);
    expect(container.querySelector('h3')?.textContent).toBe('Common side effects');
    expect(container.querySelector('h4')?.textContent).toBe('Detail');
    expect([...container.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['Rash', 'Diarrhoea, often mild']);
    expect(container.querySelector('ul em')?.textContent).toBe('Rash');
    expect(container.querySelectorAll('ol li')).toHaveLength(2);
    expect(container.querySelector('code')?.textContent).toBe('osimertinib');
    expect(container.querySelector('p strong')?.textContent).toBe('once');
  });

  it('never produces an h1, whatever the text says', () => {
    const { container } = render(<Markdown source={'# Title\n\ntext'} headingBase={2} />);
    expect(container.querySelector('h1')).toBeNull();
    expect(container.querySelector('h2')?.textContent).toBe('Title');
  });
});

describe('Markdown parser', () => {
  it('leaves unmatched marks and snake_case words alone', () => {
    expect(parseInline('2 * 3 and some_thing_here')).toEqual([{ t: 'text', text: '2 * 3 and some_thing_here' }]);
  });
  it('reads quotes and numbered lists that start later', () => {
    expect(parseMarkdown('> a quote\n\n3. third')).toEqual([
      { t: 'quote', children: [{ t: 'text', text: 'a quote' }] },
      { t: 'list', ordered: true, start: 3, items: [[{ t: 'text', text: 'third' }]] },
    ]);
  });
});
