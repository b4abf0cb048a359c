/** Which rows a windowing list draws for a scroll position: pure, so tests check it without a DOM. */
export function windowRange(count: number, rowHeight: number, scrollTop: number, viewport: number, overscan: number): { first: number; last: number } {
  if (count === 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.min(count - 1, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.min(count - 1, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, last };
}
