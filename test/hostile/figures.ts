/**
 * The hostile-server scenarios as scripts/reliability.ts counts them: each returns its figures and the
 * problems it found (an unexpected error kind, a password seen before TLS, too much memory, a file outside
 * the chosen folder). The tests in this folder assert the same things one by one, with their reasons.
 */
import type { ErrorKind } from '../../common/models';
import { FtpsSession } from '../../main/ftps/session';
import { isWharfError } from '../../main/core/errors';
import { MemoryTrustStore } from '../ftps/support';
import type { FleetInfo } from '../servers/fleet';
import type { ScenarioFigures } from '../faults/support';
import { startHostileServer, unixLine, type HostileScript, type HostileServer } from './hostile-server';
import { PASSWORD, downloadTreeWithCli, downloadTreeWithQueue, treeFigures } from './scenarios';
import { fleetCertificate, guardOutgoingConnections, runWharf, selfSignedCertificate } from './support';

export type Figures = ScenarioFigures & { readonly problems: readonly string[] };

function target(port: number, mode: 'explicit' | 'implicit') {
  return { host: '127.0.0.1', port, mode, user: 'victim', dataMode: 'passive' as const, minTlsVersion: 'TLSv1.2' as const, timezoneOffsetMinutes: 0, encoding: 'utf8' };
}

/** Counts what the server got that it should not have: USER/PASS, or the password in clear bytes. */
function leaks(server: HostileServer): { login: boolean; clear: number } {
  return {
    login: server.received.some((r) => /^(USER|PASS)\b/i.test(r.line) && !r.secure),
    clear: server.clearBytes().includes(Buffer.from(PASSWORD)) ? 1 : 0,
  };
}

/** AUTH TLS refused, or answered and then garbage, a close or silence, on a site that requires TLS. */
export async function runAuthTlsFigures(fleet: FleetInfo): Promise<Figures> {
  const cert = fleetCertificate(fleet, 'server');
  const cases: [HostileScript['auth'], ErrorKind][] = [['refuse', 'tls-required'], ['garbage', 'tls-handshake'], ['close', 'connection-lost'], ['silence', 'timeout']];
  const problems: string[] = [];
  let clear = 0;
  for (const [auth, kind] of cases) {
    const server = await startHostileServer({ mode: 'explicit', key: cert.key, cert: cert.cert, auth });
    try {
      await FtpsSession.open({ target: target(server.port, 'explicit'), password: PASSWORD, extraCaPem: [fleet.caCertPem], keepAliveIntervalMs: 0, timeoutMs: 1500 });
      problems.push(`AUTH TLS ${auth}: the session opened`);
    } catch (err) {
      if (!isWharfError(err, kind)) problems.push(`AUTH TLS ${auth}: ${String(err)} instead of ${kind}`);
    }
    const sent = server.received.filter((r) => /^(USER|PASS)\b/i.test(r.line));
    if (sent.length > 0) problems.push(`AUTH TLS ${auth}: ${sent.map((r) => r.line.split(' ')[0]).join(', ')} sent`);
    clear += leaks(server).clear;
    await server.close();
  }
  return {
    scenario: 'AUTH TLS refused, or accepted then garbage / close / silence (TLS-only site)',
    transfersRun: 0, faultsInjected: cases.length, completed: 0, bytesVerified: 0, lostOrCorrupted: 0,
    credentialsInClear: clear + problems.filter((p) => /sent$/.test(p)).length,
    notes: 'stopped as tls-required, tls-handshake, connection-lost, timeout; USER/PASS never sent',
    problems,
  };
}

/** Expired, self-signed and wrong-host certificates (rejected, then accepted once), and a changed pin. */
export async function runCertificateFigures(fleet: FleetInfo): Promise<Figures> {
  const problems: string[] = [];
  let clear = 0;
  let faults = 0;
  let logins = 0;
  const kinds = [['expired', fleetCertificate(fleet, 'expired')], ['self-signed', selfSignedCertificate()], ['wrong host', fleetCertificate(fleet, 'wronghost')]] as const;
  for (const mode of ['explicit', 'implicit'] as const) {
    for (const [what, cert] of kinds) {
      for (const decision of ['reject', 'once'] as const) {
        faults += 1;
        const server = await startHostileServer({ mode, key: cert.key, cert: cert.cert, listing: () => unixLine('a.txt') });
        let before: string[] | null = null;
        try {
          const session = await FtpsSession.open({
            target: target(server.port, mode), password: PASSWORD, extraCaPem: [fleet.caCertPem], keepAliveIntervalMs: 0, timeoutMs: 3000,
            decideTrust: async () => {
              before = server.received.map((r) => r.line);
              return decision;
            },
          });
          logins += 1;
          await session.close();
          if (decision === 'reject') problems.push(`${mode} ${what}: opened although rejected`);
        } catch (err) {
          if (decision === 'once' || !isWharfError(err, 'tls-untrusted')) problems.push(`${mode} ${what} ${decision}: ${String(err)}`);
        }
        const expected = mode === 'explicit' ? ['AUTH TLS'] : [];
        if (JSON.stringify(before) !== JSON.stringify(expected)) problems.push(`${mode} ${what}: when asked, the server had ${JSON.stringify(before)}`);
        const leak = leaks(server);
        if (leak.login) problems.push(`${mode} ${what}: USER or PASS in clear`);
        if (decision === 'reject' && server.received.some((r) => /^(USER|PASS)\b/i.test(r.line))) problems.push(`${mode} ${what}: USER or PASS after a rejection`);
        clear += leak.clear + (leak.login ? 1 : 0);
        await server.close();
      }
    }
    const pinned = fleetCertificate(fleet, 'server');
    const presented = selfSignedCertificate();
    const server = await startHostileServer({ mode, key: presented.key, cert: presented.cert });
    const trustStore = new MemoryTrustStore();
    await trustStore.pin({ host: '127.0.0.1', port: server.port, fingerprintSha256: pinned.fingerprint, subject: 'CN=127.0.0.1' });
    faults += 1;
    try {
      await FtpsSession.open({ target: target(server.port, mode), password: PASSWORD, trustStore, keepAliveIntervalMs: 0, timeoutMs: 3000, decideTrust: async () => 'once' });
      problems.push(`${mode} changed: opened`);
    } catch (err) {
      if (!isWharfError(err, 'tls-changed')) problems.push(`${mode} changed: ${String(err)}`);
    }
    if (server.received.some((r) => /^(USER|PASS)\b/i.test(r.line))) problems.push(`${mode} changed: USER or PASS sent`);
    clear += leaks(server).clear;
    await server.close();
  }
  return {
    scenario: 'expired, self-signed, wrong-host and changed certificates (explicit and implicit)',
    transfersRun: 0, faultsInjected: faults, completed: 0, bytesVerified: 0, lostOrCorrupted: 0, credentialsInClear: clear,
    notes: `asked before anything but AUTH TLS was sent; rejected: nothing sent; accepted once: ${logins} logins, all inside TLS; changed pin: a hard stop`,
    problems,
  };
}

/** PASV to another public host (refused, never connected) and to a private address (NAT: the control host). */
export async function runPasvFigures(fleet: FleetInfo): Promise<Figures> {
  const cert = fleetCertificate(fleet, 'server');
  const problems: string[] = [];
  const guard = guardOutgoingConnections();
  let listed = 0;
  try {
    for (const [address, expect] of [['203.0.113.9', 'refuse'], ['10.1.2.3', 'list']] as const) {
      const server = await startHostileServer({ mode: 'explicit', key: cert.key, cert: cert.cert, pasvAddress: address, refuseEpsv: true, listing: () => unixLine('a.txt', { size: 1 }) });
      const session = await FtpsSession.open({ target: target(server.port, 'explicit'), password: PASSWORD, pinnedFingerprint: cert.fingerprint, keepAliveIntervalMs: 0, timeoutMs: 3000 });
      try {
        const entries = await session.list('/d');
        if (expect === 'refuse') problems.push(`PASV ${address}: listed`);
        else if (entries.length === 1) listed += 1;
      } catch (err) {
        if (expect === 'list' || !isWharfError(err, 'data-channel')) problems.push(`PASV ${address}: ${String(err)}`);
      } finally {
        await session.close();
        await server.close();
      }
    }
  } finally {
    guard.restore();
  }
  if (guard.attempts.length > 0) problems.push(`connections attempted to ${guard.attempts.join(', ')}`);
  return {
    scenario: 'PASV to another public host (bounce) and to a private address (NAT)',
    transfersRun: 2, faultsInjected: 2, completed: listed, bytesVerified: 0, lostOrCorrupted: 0, credentialsInClear: 0,
    notes: `bounce refused before connecting; NAT listing through the control host; ${guard.attempts.length} connections attempted elsewhere`,
    problems,
  };
}

/** Never-ending reply line and listing, and 1,000,000-entry listings, through `wharf ls` with its peak memory. */
export async function runListingFigures(fleet: FleetInfo): Promise<Figures> {
  const cert = fleetCertificate(fleet, 'server');
  const fingerprint = `SHA256:${cert.fingerprint.replace(/:/g, '')}`;
  const problems: string[] = [];
  const peaks: string[] = [];
  let n = 0;
  const million = (long: boolean, count = 1_000_000) => () => ({
    *chunks() {
      for (let i = 0; i < count; i += 10_000) {
        yield Buffer.from(Array.from({ length: Math.min(10_000, count - i) }, (_, j) => (long ? `-rw-r--r--    1 someowner  somegroup  ${i + j} Jan 01 00:00 file-number-${i + j}.dat\r\n` : `type=file;size=1; f${i + j}\r\n`)).join(''));
      }
    },
  });
  const cases: [string, Partial<HostileScript>, number, RegExp | null, number][] = [
    ['a reply line that never ends', { greeting: 'endless' }, 6, /reply longer than 64 KiB/, 160],
    ['a listing that never ends', { listing: () => ({ endless: () => Buffer.from(Array.from({ length: 2000 }, () => `-rw-r--r-- 1 ftp ftp 1 Jan 01 00:00 endless-${n++}\r\n`).join('')) }) }, 6, /larger than 40 MiB/, 320],
    ['1,000,000 entries (MLSD, 28 MB)', { features: ['MLST type*;size*;modify*;'], listing: million(false) }, 0, null, 1024],
    ['1,000,000 entries (LIST, 75 MB)', { listing: million(true) }, 6, /larger than 40 MiB/, 320],
    ['1,000,010 entries (MLSD, 28 MB, under the byte cap)', { features: ['MLST type*;size*;modify*;'], listing: million(false, 1_000_010) }, 6, /more than 1,000,000 entries/, 1024],
  ];
  let listedWhole = 0;
  for (const [what, script, code, message, boundMiB] of cases) {
    const server = await startHostileServer({ mode: 'explicit', key: cert.key, cert: cert.cert, ...script });
    try {
      const run = await runWharf(['ls', `ftpes://victim@127.0.0.1:${server.port}/big`, '--fingerprint', fingerprint, '--timeout', '10'], { WHARF_PASSWORD: PASSWORD });
      peaks.push(`${what}: ${run.maxRssMiB.toFixed(0)} MiB`);
      if (run.code !== code) problems.push(`${what}: exit ${run.code}: ${run.stderr.slice(0, 200)}`);
      if (message && !message.test(run.stderr)) problems.push(`${what}: ${run.stderr.slice(0, 200)}`);
      if (!(run.maxRssMiB < boundMiB)) problems.push(`${what}: peak ${run.maxRssMiB.toFixed(0)} MiB, bound ${boundMiB}`);
      if (code === 0 && run.stdout.split('\n').length - 1 === 1_000_000) listedWhole += 1;
    } finally {
      await server.close();
    }
  }
  return {
    scenario: 'hostile listings and replies through `wharf ls` (endless reply, endless listing, 1,000,000 entries, one entry cap)',
    transfersRun: cases.length, faultsInjected: cases.length, completed: listedWhole, bytesVerified: 0, lostOrCorrupted: 0, credentialsInClear: 0,
    notes: `clear errors at the caps; peak memory ${peaks.join('; ')}`,
    problems,
  };
}

/** The hostile tree (traversal, absolute, NUL, escapes, duplicates, invalid UTF-8...) with the queue and `wharf get -r`. */
export async function runHostileTreeFigures(fleet: FleetInfo): Promise<Figures[]> {
  const out: Figures[] = [];
  for (const format of ['list', 'mlsd'] as const) {
    const result = await downloadTreeWithQueue(fleet, `fig-${format}-${process.pid}`);
    const done = result.items.filter((i) => i.state === 'done').length;
    const figures = treeFigures(`hostile names in a ${format.toUpperCase()} listing, downloaded with the queue`, result, result.items.length, done);
    out.push({ ...figures, notes: `${figures.notes}; ${result.skipped.length} names refused with a reason; ${result.items.length - done} items failed alone with the server's 550`, problems: [...result.escaped, ...result.outsideWritten] });
  }
  const cli = await downloadTreeWithCli(fleet, `fig-cli-${process.pid}`);
  const [, done = '0', tried = '0'] = /downloaded (\d+) of (\d+) files/.exec(cli.run.stderr) ?? [];
  const figures = treeFigures('hostile names downloaded with `wharf get -r`', cli, Number(tried), Number(done));
  out.push({ ...figures, notes: `${figures.notes}; exit code ${cli.run.code}; peak ${cli.run.maxRssMiB.toFixed(0)} MiB`, problems: [...cli.escaped, ...cli.outsideWritten, ...(cli.run.stderr.includes(PASSWORD) ? ['password printed'] : [])] });
  return out;
}
