/**
 * Text that does not fit its box, and text the pseudo-locale did not mark, measured in the page (#19). Shared
 * by the localized-layout test and any test that wants to know a screen clips nothing.
 */
import type { Locator, Page } from 'playwright-core';

/**
 * Every visible element under `scope` (default: the whole page) whose own text is cut: wider than its box
 * where the box hides or ellipsises what overflows, or a line of its text drawn outside a box that clips (its
 * own, or its parent's when it lets its text out).
 * A select is measured by its chosen option's text. A list cell (a file name, a checklist's one-line summary, a log line),
 * a column head or a path's folder may ellipsise only when its full text is in its (or its row's) tooltip. A box that scrolls
 * does not cut. Returns `tag.class: text` per element.
 */
export function findClippedText(page: Page, scope?: Locator): Promise<string[]> {
  const run = (root: unknown) => {
    type Rect = { left: number; right: number; top: number; bottom: number; width: number; height: number };
    type Style = { overflowX: string; overflowY: string; textOverflow: string; font: string; visibility: string; clipPath: string; display: string };
    type El = {
      tagName: string;
      className: unknown;
      scrollWidth: number;
      clientWidth: number;
      scrollHeight: number;
      clientHeight: number;
      textContent: string | null;
      childNodes: Iterable<{ nodeType: number; textContent: string | null }>;
      selectedOptions?: { textContent: string | null }[];
      getClientRects(): { length: number };
      getBoundingClientRect(): Rect;
      closest(selector: string): El | null;
      parentElement: El | null;
      querySelectorAll(selector: string): Iterable<El>;
      getAttribute(name: string): string | null;
    };
    const g = globalThis as unknown as {
      document: { body: El & { appendChild(e: unknown): void }; createElement(t: string): { style: Record<string, string>; textContent: string; offsetWidth: number; remove(): void }; createRange(): { selectNodeContents(n: unknown): void; getClientRects(): Iterable<Rect> } };
      getComputedStyle(e: unknown): Style;
    };
    const base = (root ?? g.document.body) as El;
    // No named helpers in here: the test runner's transpiler would wrap them in a function the page lacks.
    // A box that scrolls (a transcript, a long list) shows all of its text to who scrolls: not cut.
    const hiding = /^(hidden|clip)$/;
    const cut: string[] = [];
    for (const el of [base, ...base.querySelectorAll('*')]) {
      if (el.getClientRects().length === 0) continue;
      const style = g.getComputedStyle(el);
      if (style.visibility === 'hidden' || style.clipPath !== 'none' || el.closest('.visually-hidden')) continue;
      if (el.tagName === 'SELECT') {
        const probe = g.document.createElement('span');
        probe.style.font = style.font;
        probe.style.position = 'absolute';
        probe.style.whiteSpace = 'pre';
        probe.textContent = el.selectedOptions?.[0]?.textContent ?? '';
        g.document.body.appendChild(probe);
        // 24 px: the select's padding and its arrow.
        if (probe.offsetWidth + 24 > el.clientWidth) cut.push(`select: ${probe.textContent}`);
        probe.remove();
        continue;
      }
      const ownText = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('').trim();
      if (!ownText) continue;
      const clipsX = hiding.test(style.overflowX) || style.textOverflow === 'ellipsis';
      let overflowing = clipsX && el.scrollWidth > el.clientWidth + 1;
      if (!overflowing && hiding.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1) overflowing = true;
      // A box that lets its text out (a column head's button) is cut by a parent that clips (its column).
      const parentStyle = el.parentElement ? g.getComputedStyle(el.parentElement) : null;
      const clipper = clipsX || hiding.test(style.overflowY) ? el : parentStyle && (hiding.test(parentStyle.overflowX) || hiding.test(parentStyle.overflowY)) ? el.parentElement : null;
      if (!overflowing && clipper) {
        // A line of the element's own text drawn outside the clipping box (a fixed height, a negative indent, a right-aligned label wider than its column).
        const box = clipper.getBoundingClientRect();
        for (const node of el.childNodes) {
          if (node.nodeType !== 3 || !node.textContent?.trim()) continue;
          const range = g.document.createRange();
          range.selectNodeContents(node);
          for (const r of range.getClientRects()) {
            if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)) overflowing = true;
          }
        }
      }
      if (!overflowing) continue;
      // A file name in a list, a column's head, a folder of a path or a one-line summary in a checklist may
      // shorten when its full text is one hover away.
      const cell = el.closest('[role="gridcell"], [role="columnheader"], [role="treeitem"], [role="option"], li, [role="listitem"], .crumb');
      const tooltip = el.closest('[title]')?.getAttribute('title') ?? cell?.closest('[title]')?.getAttribute('title') ?? '';
      if (cell && tooltip.includes(ownText)) continue;
      cut.push(`${el.tagName.toLowerCase()}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : ''}: ${el.textContent ?? ''}`);
    }
    return cut;
  };
  return scope ? scope.evaluate(run) : page.evaluate(run, null);
}

/**
 * In the pseudo-locale, the visible text nodes under `scope` that the catalogue did not produce: neither
 * bracketed nor accented. Data is exempt: a text that is part of one of `data` (file and host names, paths), or
 * made only of them and punctuation (a data string inside other words exempts only itself), numbers, sizes,
 * times, text in an element marked with its own `lang` (a language's own name in the picker), and text inside
 * the elements `dataElements` selects (a transcript, another process's message).
 */
export function findUnlocalizedText(scope: Locator, data: readonly string[], dataElements = ''): Promise<string[]> {
  return scope.evaluate((root, [dataTexts, dataSelector]) => {
    type N = { nodeType: number; textContent: string | null; parentElement: { closest(s: string): unknown; getClientRects(): { length: number } } | null };
    const g = globalThis as unknown as { document: { createTreeWalker(root: unknown, what: number): { nextNode(): N | null } } };
    const walker = g.document.createTreeWalker(root, 4);
    const left: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.getClientRects().length === 0 || parent.closest(`[lang]:not(html), .visually-hidden, option, [aria-hidden="true"]${dataSelector ? `, ${dataSelector}` : ''}`)) continue;
      if (/[[\]àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ]/.test(text)) continue;
      // Numbers, sizes, times, punctuation.
      if (/^[\d\s.,:/%()·+\-–—]*(B|KB|MB|GB|TB)?[\d\s.,:/%()·+\-–—]*$/.test(text) || /^[-dlrwxsStT]{9,10}$/.test(text)) continue;
      if (dataTexts.some((d) => d.includes(text))) continue;
      // Data inside a text (a host in a sentence) exempts only itself: the words around it must be marked.
      // Longest first: a file name must not cut a path that holds it.
      let words = text;
      for (const d of [...dataTexts].sort((a, b) => b.length - a.length)) if (d) words = words.split(d).join(' ');
      if (/^[\d\s.,:;/%()·+\-–—“”"'…@]*$/.test(words)) continue;
      left.push(text);
    }
    return left;
  }, [[...data], dataElements] as const);
}

/**
 * Text drawn over other text: under `scope`, for every box `containers` selects, the visible children whose
 * text (the rectangles of their text lines, not their boxes) crosses a sibling's text. A narrow window that
 * squeezes a bar must wrap or clip it, never stack one label on another. Returns `a / b` per crossing pair.
 */
export function findOverlappingText(scope: Locator, containers: string): Promise<string[]> {
  return scope.evaluate((root, selector) => {
    type Rect = { left: number; right: number; top: number; bottom: number; width: number; height: number };
    type El = { children: Iterable<El>; textContent: string | null; getClientRects(): { length: number }; matches(s: string): boolean; querySelectorAll(s: string): Iterable<El> };
    const g = globalThis as unknown as {
      document: { createTreeWalker(root: unknown, what: number): { nextNode(): { textContent: string | null } | null }; createRange(): { selectNodeContents(n: unknown): void; getClientRects(): Iterable<Rect> } };
      getComputedStyle(e: unknown): { visibility: string };
    };
    const base = root as unknown as El;
    const crossing: string[] = [];
    for (const box of [...(base.matches(selector) ? [base] : []), ...base.querySelectorAll(selector)]) {
      const texts: { label: string; rects: Rect[] }[] = [];
      for (const child of box.children) {
        if (child.getClientRects().length === 0 || g.getComputedStyle(child).visibility === 'hidden') continue;
        const rects: Rect[] = [];
        const walker = g.document.createTreeWalker(child, 4);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim()) continue;
          const range = g.document.createRange();
          range.selectNodeContents(node);
          for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) rects.push(r);
        }
        if (rects.length > 0) texts.push({ label: (child.textContent ?? '').trim(), rects });
      }
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i]!;
          const b = texts[j]!;
          // 1 px: anti-aliased edges of neighbours touch.
          const hit = a.rects.some((p) => b.rects.some((q) => p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1));
          if (hit) crossing.push(`${a.label} / ${b.label}`);
        }
      }
    }
    return crossing;
  }, containers);
}
