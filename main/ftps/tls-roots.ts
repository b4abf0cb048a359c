import * as tls from 'node:tls';

let rootsCache: readonly string[] | null = null;

/**
 * The certificate authorities Wharf trusts by default, as PEM: Node's bundled roots plus the system's. A
 * connection given extra CAs gets these too, so an extra CA adds to the defaults instead of replacing them.
 */
export function systemAndBundledRoots(): readonly string[] {
  if (rootsCache) return rootsCache;
  const getCa = (tls as unknown as { getCACertificates?: (type: string) => string[] }).getCACertificates;
  let system: string[];
  try {
    system = getCa ? getCa('system') : [];
  } catch {
    system = [];
  }
  rootsCache = [...tls.rootCertificates, ...system];
  return rootsCache;
}

/** The `ca` list for a TLS connection that trusts `extraCaPem` besides the default roots. */
export function rootsWithExtraCa(extraCaPem: readonly string[]): string[] {
  return [...systemAndBundledRoots(), ...extraCaPem];
}
