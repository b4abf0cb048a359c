import * as tls from 'node:tls';
import { rootsWithExtraCa } from './tls-roots';

const contexts = new Map<string, tls.SecureContext>();

/**
 * The key-exchange groups offered, P-256 first: the client sends a key share for the first only, and a server
 * that does not take it answers with a HelloRetryRequest, one more round trip per connection. Debian's vsftpd
 * takes P-256 alone, and every server takes P-256 (TLS 1.3 makes it mandatory to implement); OpenSSL's
 * default list puts X25519 first. X448 is left out: Electron's BoringSSL does not know it (and nothing needs it).
 */
export const KEY_EXCHANGE_GROUPS = 'P-256:X25519:P-384:P-521';

/** A context with our group order; the library's default order where the TLS library refuses the list. */
function createContext(options: tls.SecureContextOptions): tls.SecureContext {
  try {
    return tls.createSecureContext({ ...options, ecdhCurve: KEY_EXCHANGE_GROUPS });
  } catch {
    return tls.createSecureContext(options);
  }
}

/**
 * The TLS context for a minimum version and a list of extra CA certificates, built once per process and shared
 * by every session and data connection that asks for the same (a context is immutable once connections use it).
 *
 * An extra CA is added to the roots Node trusts anyway: `addCACert` on a fresh context copies the already
 * parsed default store and parses only the extra certificate. Passing `ca` instead would replace the
 * defaults, so every root (~700 with the system's) had to be parsed again as PEM: 25-30 ms of CPU per
 * context, and more than a `get` of a small file otherwise costs.
 */
export function sharedSecureContext(
  minVersion: tls.SecureVersion,
  extraCaPem: readonly string[],
  clientCertificate?: Pick<tls.SecureContextOptions, 'cert' | 'key' | 'pfx' | 'passphrase'>,
): tls.SecureContext {
  // A client certificate is its site's own: that context is built for the session, not shared.
  if (clientCertificate) return buildContext(minVersion, extraCaPem, clientCertificate);
  const key = `${minVersion}\n${extraCaPem.join('\n')}`;
  let context = contexts.get(key);
  if (!context) {
    context = buildContext(minVersion, extraCaPem, {});
    contexts.set(key, context);
  }
  return context;
}

function buildContext(minVersion: tls.SecureVersion, extraCaPem: readonly string[], more: tls.SecureContextOptions): tls.SecureContext {
  const context = createContext({ minVersion, ...more });
  if (extraCaPem.length === 0) return context;
  const native = (context as { context?: { addCACert?: (pem: string) => void } }).context;
  if (typeof native?.addCACert !== 'function') {
    // A runtime without the native method (none known): the public way, all roots as PEM.
    return createContext({ minVersion, ...more, ca: rootsWithExtraCa(extraCaPem) });
  }
  for (const pem of extraCaPem) native.addCACert(pem);
  return context;
}
