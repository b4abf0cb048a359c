/** File names shared by main and the renderer. */

/** Extensions that belong together, so `site.tar.gz` becomes `site (1).tar.gz`, not `site.tar (1).gz`. */
const DOUBLE_EXTENSIONS = ['.tar.gz', '.tar.bz2', '.tar.xz', '.tar.zst', '.tar.lz', '.tar.Z'];

/**
 * The n-th alternative to a file name, as desktop file managers number them: `name (1).ext`;
 * a dot file keeps its dot (`.env (1)`), and a name without extension gets the number at its end.
 */
export function numberedName(name: string, n: number): string {
  const lower = name.toLowerCase();
  const double = DOUBLE_EXTENSIONS.find((ext) => lower.endsWith(ext.toLowerCase()) && name.length > ext.length);
  let dot = double ? name.length - double.length : name.lastIndexOf('.');
  if (dot <= 0) dot = name.length;
  return `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
}
