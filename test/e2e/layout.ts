/**
 * Geometry checks for the end-to-end tests: where an element lies on the page and whether anything paints over it.
 * Page code stays typed without the DOM library, through casts.
 */
import type { Locator } from 'playwright-core';

/** Where an element lies, as the page drew it. */
export interface Placement {
  /** Wholly inside the nearest ancestor matching the selector given. */
  readonly inside: boolean;
  /** Wholly inside the window. */
  readonly inWindow: boolean;
  /** Drawn on top at its left, middle and right, halfway down: nothing paints over it. */
  readonly onTop: boolean;
  /** Its content overflows it (cut off, or on a second line it has no room for). */
  readonly clipped: boolean;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The placement of `element` within its nearest ancestor matching `container` (a CSS selector). */
export function placementOf(element: Locator, container: string): Promise<Placement> {
  return element.evaluate((node, selector) => {
    type Box = { left: number; right: number; top: number; bottom: number; width: number; height: number };
    type PageElement = {
      getBoundingClientRect(): Box;
      closest(selector: string): PageElement | null;
      contains(other: unknown): boolean;
      scrollWidth: number;
      clientWidth: number;
      scrollHeight: number;
      clientHeight: number;
    };
    const page = globalThis as unknown as { document: { elementFromPoint(x: number, y: number): unknown }; innerWidth: number; innerHeight: number };
    const el = node as unknown as PageElement;
    const box = el.getBoundingClientRect();
    const outer = el.closest(selector)?.getBoundingClientRect();
    // No named functions in here: the test's compiler would wrap them in a helper the page does not have.
    const y = box.top + box.height / 2;
    const hits = [box.left + 2, box.left + box.width / 2, box.right - 2].map((x) => page.document.elementFromPoint(x, y));
    const [inside, inWindow] = [outer, { left: 0, top: 0, right: page.innerWidth, bottom: page.innerHeight }].map(
      (o) => o !== undefined && box.left >= o.left - 0.5 && box.right <= o.right + 0.5 && box.top >= o.top - 0.5 && box.bottom <= o.bottom + 0.5,
    );
    return {
      inside: inside === true,
      inWindow: inWindow === true,
      onTop: hits.every((hit) => hit !== null && el.contains(hit)),
      clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
      left: box.left,
      top: box.top,
      width: box.width,
      height: box.height,
    };
  }, container);
}

/** Whether two placements share any area. */
export function overlap(a: Placement, b: Placement): boolean {
  return a.left < b.left + b.width - 0.5 && b.left < a.left + a.width - 0.5 && a.top < b.top + b.height - 0.5 && b.top < a.top + a.height - 0.5;
}
