/**
 * The low-level errors a broken network produces, as Node and basic-ftp raise them, must become errors the
 * queue retries: a connection cut during the TLS handshake or closed by the server mid-command is a lost
 * connection, not a TLS failure or an internal error (both of which fail the transfer for good).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toWharfError } from '../../main/ftps/error-mapping';
import { classifyFailure } from '../../main/transfers/retry-policy';

function systemError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('network failures are retried, not fatal', () => {
  const cases: readonly [string, Error, 'connect' | 'login' | 'command'][] = [
    // Node, when the peer closes or resets during the handshake of AUTH TLS or implicit TLS.
    ['a connection cut during the TLS handshake', systemError('Client network socket disconnected before secure TLS connection was established', 'ECONNRESET'), 'connect'],
    // basic-ftp, when the control connection gets a FIN while a command waits for its reply.
    ['a control connection closed by the other side mid-command', new Error('Server sent FIN packet unexpectedly, closing connection.'), 'command'],
    ['a control connection closed by the other side at login', new Error('Server sent FIN packet unexpectedly, closing connection.'), 'login'],
    ['a reset', systemError('read ECONNRESET', 'ECONNRESET'), 'command'],
    // Node streams, when an upload's source is cut off because its data connection closed under it.
    ['an upload whose data connection closed under it', systemError('Premature close', 'ERR_STREAM_PREMATURE_CLOSE'), 'command'],
    ['a broken pipe', systemError('write EPIPE', 'EPIPE'), 'command'],
  ];
  for (const [what, error, phase] of cases) {
    test(`${what} (${phase}) is a lost connection and retried`, () => {
      for (const mode of ['explicit', 'implicit'] as const) {
        const mapped = toWharfError(error, { phase, mode });
        assert.ok(mapped.kind === 'connection-lost' || mapped.kind === 'data-channel', `${mode}: ${mapped.kind}: ${mapped.message}`);
        assert.equal(classifyFailure(mapped.toData()), 'retry');
      }
    });
  }

  test('a real TLS failure stays a TLS failure (not retried)', () => {
    const mapped = toWharfError(systemError('certificate has expired', 'CERT_HAS_EXPIRED'), { phase: 'connect', mode: 'explicit' });
    assert.equal(mapped.kind, 'tls-handshake');
    assert.equal(classifyFailure(mapped.toData()), 'fatal');
    const version = toWharfError(systemError('wrong version number', 'ERR_SSL_WRONG_VERSION_NUMBER'), { phase: 'connect', mode: 'implicit' });
    assert.equal(version.kind, 'tls-handshake');
  });
});
