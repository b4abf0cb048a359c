/** Passive data connections and listings, shared by the data steps and the TLS version steps. */
import { Buffer } from 'node:buffer';
import { type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { t } from '../../../common/i18n/t';
import { parseListing } from '../../ftps/listing';
import { decidePassiveTarget } from '../../ftps/net-address';
import { ControlConnection, ProbeError, plainNumber, replyLine, showable, type FtpReply } from '../ftp-probe';
import { parseEpsvPort, parsePasv, runTransfer, type DataProtection, type TransferOutcome } from '../probe-data';
import { type DoctorRun, type StepHandle } from '../run';

/** `latest`: the newest session or ticket, as Wharf does; `none`: a fresh handshake; or exactly this session. */
export function protectionFor(run: DoctorRun, control: ControlConnection, session: SessionChoice, version?: 'TLSv1.2' | 'TLSv1.3'): DataProtection | null {
  if (!run.dataProtected) return null;
  const chosen = session === 'none' ? null : session === 'latest' ? (control.latestSession ?? (control.activeSocket as TLSSocket).getSession() ?? null) : session;
  return { tlsOptions: run.tlsSettings(version), session: chosen };
}

/** Sends EPSV or PASV and opens the data connection it names (PASV through the engine's NAT and bounce rules). */
export async function openPassive(run: DoctorRun, control: ControlConnection, method: 'epsv' | 'pasv'): Promise<Socket> {
  const reply = await control.command(method === 'epsv' ? 'EPSV' : 'PASV', run.timeoutMs);
  if (reply.code < 200 || reply.code >= 300) throw new ProbeError(t('doctorSteps.probe.methodRefused', { method: method.toUpperCase(), reply: replyLine(reply) }), 'EREFUSEDREPLY');
  let host = control.peerAddress;
  let port: number | null;
  if (method === 'epsv') {
    port = parseEpsvPort(reply.text);
  } else {
    const parsed = parsePasv(reply.text);
    port = parsed?.port ?? null;
    if (parsed) {
      const decision = decidePassiveTarget(parsed.host, control.peerAddress);
      if (decision.action === 'refuse') throw new ProbeError(t('doctorSteps.probe.pasvForeign', { host: decision.announced }), 'EFOREIGN');
      host = decision.host;
    }
  }
  if (port === null) throw new ProbeError(t('doctorSteps.probe.unreadable', { reply: replyLine(reply) }), 'EBADREPLY');
  run.log(`* data connection to ${host}:${port}`);
  return run.openTcp(host, port, run.dataTimeoutMs, method);
}

/** One listing over a fresh passive data connection; also says which session it offered. */
export async function listOnce(
  run: DoctorRun,
  control: ControlConnection,
  method: 'epsv' | 'pasv',
  session: SessionChoice,
  version?: 'TLSv1.2' | 'TLSv1.3',
): Promise<TransferOutcome & { offered: Buffer | null }> {
  const socket = openPassive(run, control, method);
  socket.catch(() => undefined);
  // Wait for the connection first: the transfer command is sent only once the data connection is open.
  await socket;
  const protection = protectionFor(run, control, session, version);
  const outcome = await runTransfer(control, run.listCommand, socket, protection, run.timeoutMs, run.tracker);
  return { ...outcome, offered: protection?.session ?? null };
}

export function judgeListing(run: DoctorRun, outcome: TransferOutcome, s: StepHandle, via: 'epsv' | 'pasv' | 'active'): { ok: boolean; resumed: boolean | null; reuseRefused: boolean; detail: string } {
  if (outcome.preliminary) s.details.push(t('doctorSteps.listing.transfer', { reply: replyLine(outcome.preliminary) }));
  if (outcome.final) s.details.push(t('doctorSteps.listing.result', { reply: replyLine(outcome.final) }));
  if (outcome.data.tlsProtocol) {
    s.details.push(t('doctorSteps.listing.dataConnection', { protocol: outcome.data.tlsProtocol, resumed: outcome.data.sessionReused ? 'yes' : 'no' }));
  }
  s.details.push(t('doctorSteps.listing.took', { ms: plainNumber(Math.round(outcome.ms)) }));
  const ok = succeeded(outcome);
  if (ok) {
    const text = outcome.data.bytes.toString(run.charset.socketEncoding === 'utf8' ? 'utf8' : 'latin1');
    const entries = parseListing(run.charset.decode(text), { format: run.listCommand === 'MLSD' ? 'mlsd' : 'list', timezoneOffsetMinutes: 0, now: new Date() });
    const bytes = outcome.data.bytes.length;
    s.summary = t('doctorSteps.listing.listed', {
      entries: entries.length,
      entriesText: plainNumber(entries.length),
      bytes,
      bytesText: plainNumber(bytes),
      via,
      session: outcome.data.tlsProtocol ? (outcome.data.sessionReused ? 'resumed' : 'notResumed') : 'unencrypted',
    });
    return { ok, resumed: outcome.data.sessionReused, reuseRefused: false, detail: '' };
  }
  const detail = outcome.final ? replyLine(outcome.final) : outcome.controlError ? showable(outcome.controlError.message) : outcome.data.error ? showable(outcome.data.error.message) : t('doctorSteps.noAnswer');
  s.status = 'failed';
  s.summary = t('doctorSteps.listing.failed', { via, detail });
  return { ok: false, resumed: outcome.data.sessionReused, reuseRefused: outcome.final !== null && isReuseRefusal(outcome.final), detail };
}

export type SessionChoice = 'latest' | 'none' | Buffer;

/** A transfer that ended with 2xx and a clean data connection. */
export function succeeded(outcome: TransferOutcome): boolean {
  return outcome.final !== null && outcome.final.code >= 200 && outcome.final.code < 300 && outcome.data.error === null;
}

/** 522 on vsftpd, proftpd's 425 "Operation not permitted", or any reply that names session reuse. */
export function isReuseRefusal(reply: FtpReply): boolean {
  return reply.code === 522 || /session reuse|reuse required/i.test(reply.text) || (reply.code === 425 && /not permitted/i.test(reply.text)) || (reply.code === 450 && /tls|ssl/i.test(reply.text));
}
