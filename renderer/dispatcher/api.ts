/** The preload's `window.wharf`, read at each call (the e2e bridge installs it before the first call, not before import). */
export function wharf(): typeof window.wharf {
  return window.wharf;
}
