/** The greeting and TLS steps, explicit and implicit, and what the port says when they do not match the site. */
import { Buffer } from 'node:buffer';
import type { TLSSocket } from 'node:tls';
import { t } from '../../../common/i18n/t';
import { type ProblemContext } from '../diagnoses';
import { ControlConnection, asProbeError, plainNumber, replyLine, showable, type FtpReply } from '../ftp-probe';
import { PLAIN_TEXT_TLS_ERROR, TOO_MANY, type DoctorRun, type StepHandle } from '../run';

/** Explicit FTPS and plain FTP: the server must greet in plain text. Silence suggests implicit FTPS. */
export async function explicitStart(run: DoctorRun, control: ControlConnection): Promise<boolean> {
  let greeted = false;
  await run.step('greeting', async (s) => {
    const first = await control.waitForFirstBytes(run.greetingTimeoutMs);
    if (first.outcome === 'closed') {
      s.status = 'failed';
      s.summary = t('doctorSteps.greeting.closedSilently');
      run.diagnose('server-closed', 'greeting', { detail: t('doctorSteps.greeting.closedBeforeGreeting') });
      return;
    }
    if (first.outcome === 'silent') {
      s.details.push(t('doctorSteps.greeting.silentChecking', { ms: plainNumber(run.greetingTimeoutMs) }));
      const implicitGreeting = await probeImplicit(run);
      if (implicitGreeting !== null) {
        s.status = 'failed';
        s.summary = t('doctorSteps.greeting.implicitOnPort');
        s.details.push(t('doctorSteps.greeting.implicitGreeted', { reply: replyLine(implicitGreeting) }));
        run.diagnose('implicit-server-explicit-settings', 'greeting', { detail: replyLine(implicitGreeting) });
        run.skip('tls', t('doctorSteps.tls.notTriedImplicit'));
        return;
      }
      s.details.push(t('doctorSteps.greeting.handshakeFailedToo'));
    }
    if (first.outcome === 'data' && !/^\d{3}/.test(first.bytes.subarray(0, 4).toString('latin1'))) {
      const protocol = sniffProtocol(first.bytes);
      s.status = 'failed';
      s.summary =
        protocol === 'unknown'
          ? t('doctorSteps.greeting.notFtpText', { text: showable(first.bytes.subarray(0, 40).toString('latin1')) })
          : t('doctorSteps.greeting.notFtpProtocol', { protocol });
      run.diagnose('not-ftp', 'greeting', { protocol, detail: showable(first.bytes.subarray(0, 40).toString('latin1')) });
      return;
    }
    const remaining = first.outcome === 'silent' ? Math.max(run.timeoutMs - run.greetingTimeoutMs, 1000) : run.timeoutMs;
    const greeting = await control.nextReply(remaining);
    greeted = judgeGreeting(run, greeting, s);
    if (greeted && first.outcome === 'silent') {
      s.status = 'warning';
      s.details.push(t('doctorSteps.greeting.slow', { ms: plainNumber(run.greetingTimeoutMs) }));
    }
  });
  if (!greeted) return false;
  if (run.target.mode === 'plain') {
    run.skip('tls', t('doctorSteps.plainNoTls'));
    run.skip('certificate', t('doctorSteps.certificate.plainNone'));
    run.diagnose('plain-ftp', 'tls');
    return true;
  }
  let secured = false;
  await run.step('tls', async (s) => {
    const reply = await control.command('AUTH TLS', run.timeoutMs);
    if (reply.code !== 234) {
      s.status = 'failed';
      s.summary = t('doctorSteps.tls.authRefused', { reply: replyLine(reply) });
      run.diagnose(TOO_MANY.test(reply.text) ? 'too-many-connections' : 'no-tls', 'tls', { detail: replyLine(reply) });
      return;
    }
    try {
      const { socket, ms } = await control.upgradeToTls(run.tlsSettings(), run.timeoutMs);
      secured = true;
      describeTls(run, s, socket, ms, 'explicit');
    } catch (err) {
      const error = asProbeError(err);
      s.status = 'failed';
      s.summary = t('doctorSteps.tls.handshakeFailed', { reason: showable(error.message) });
      run.diagnose('tls-handshake-failed', 'tls', { detail: showable(error.message) });
    }
  });
  return secured;
}

/** Implicit FTPS: TLS from the first byte, then the greeting inside TLS. A plain greeting means explicit FTPS. */
export async function implicitStart(run: DoctorRun, control: ControlConnection): Promise<boolean> {
  let secured = false;
  let plainText = false;
  await run.step('tls', async (s) => {
    try {
      const { socket, ms } = await control.upgradeToTls(run.tlsSettings(), run.timeoutMs);
      secured = true;
      describeTls(run, s, socket, ms, 'implicit');
    } catch (err) {
      const error = asProbeError(err);
      s.status = 'failed';
      plainText = PLAIN_TEXT_TLS_ERROR.test(error.message) || error.code === 'ERR_SSL_WRONG_VERSION_NUMBER' || error.code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG';
      s.summary = plainText ? t('doctorSteps.tls.implicitPlainText') : t('doctorSteps.tls.handshakeFailed', { reason: showable(error.message) });
      s.details.push(showable(error.message));
      if (!plainText) run.diagnose('tls-handshake-failed', 'tls', { detail: showable(error.message) });
    }
  });
  if (!secured) {
    if (plainText) await sniffPlainGreeting(run);
    else run.skip('greeting', t('doctorSteps.greeting.notReachedTls'));
    return false;
  }
  let greeted = false;
  await run.step('greeting', async (s) => {
    s.details.push(t('doctorSteps.greeting.implicitInsideTls'));
    greeted = judgeGreeting(run, await control.nextReply(run.timeoutMs), s);
  });
  return greeted;
}

/** After a failed implicit handshake: what does the port say to a plain connection? */
async function sniffPlainGreeting(run: DoctorRun): Promise<void> {
  await run.step('greeting', async (s) => {
    const raw = await run.openTcp(run.address, run.target.port, run.timeoutMs, null);
    const probe = new ControlConnection(raw, run.charset, (line) => run.log(`[plain check] ${line}`), run.tracker);
    try {
      const first = await probe.waitForFirstBytes(run.timeoutMs);
      if (first.outcome !== 'data') {
        s.status = 'failed';
        s.summary = t('doctorSteps.greeting.plainNothing');
        run.diagnose('tls-handshake-failed', 'greeting', { detail: t('doctorSteps.greeting.plainThenNothing') });
        return;
      }
      if (!/^\d{3}/.test(first.bytes.subarray(0, 4).toString('latin1'))) {
        const protocol = sniffProtocol(first.bytes);
        s.status = 'failed';
        s.summary = t('doctorSteps.greeting.notFtpServer', { what: protocol === 'unknown' ? showable(first.bytes.subarray(0, 40).toString('latin1')) : protocol });
        run.diagnose('not-ftp', 'greeting', { protocol, detail: showable(first.bytes.subarray(0, 40).toString('latin1')) });
        return;
      }
      const greeting = await probe.nextReply(run.timeoutMs);
      s.status = 'failed';
      s.summary = t('doctorSteps.greeting.plainGreets', { reply: replyLine(greeting) });
      s.details.push(t('doctorSteps.greeting.explicitServer'));
      run.facts.serverBanner = replyLine(greeting);
      run.diagnose(TOO_MANY.test(greeting.text) ? 'too-many-connections' : 'explicit-server-implicit-settings', 'greeting', { detail: replyLine(greeting) });
    } finally {
      probe.destroy();
    }
  });
}

/** A second connection that starts TLS at once: returns the greeting if the server speaks implicit FTPS. */
async function probeImplicit(run: DoctorRun): Promise<FtpReply | null> {
  let probe: ControlConnection | null = null;
  try {
    const raw = await run.openTcp(run.address, run.target.port, run.timeoutMs, null);
    probe = new ControlConnection(raw, run.charset, (line) => run.log(`[TLS check] ${line}`), run.tracker);
    await probe.upgradeToTls(run.tlsSettings(), run.timeoutMs);
    const greeting = await probe.nextReply(run.timeoutMs);
    return greeting.code > 0 ? greeting : null;
  } catch {
    return null;
  } finally {
    if (probe) await probe.quit(1000).catch(() => undefined);
  }
}

function judgeGreeting(run: DoctorRun, greeting: FtpReply, s: StepHandle): boolean {
  s.details.push(t('doctorSteps.greeting.line', { reply: replyLine(greeting) }));
  if (greeting.code === 220) {
    run.facts.serverBanner = replyLine(greeting).replace(/^220[- ]?/, '');
    s.summary = t(run.target.mode === 'implicit' ? 'doctorSteps.greeting.afterTls' : 'doctorSteps.greeting.plainText', { reply: replyLine(greeting) });
    return true;
  }
  s.status = 'failed';
  if (greeting.code === 421 || TOO_MANY.test(greeting.text)) {
    s.summary = t('doctorSteps.greeting.turnedAway', { reply: replyLine(greeting) });
    run.diagnose(TOO_MANY.test(greeting.text) ? 'too-many-connections' : 'server-closed', 'greeting', { detail: replyLine(greeting) });
  } else {
    s.summary = t('doctorSteps.greeting.unexpected', { reply: replyLine(greeting) });
    run.diagnose('server-closed', 'greeting', { detail: replyLine(greeting) });
  }
  return false;
}

function describeTls(run: DoctorRun, s: StepHandle, socket: TLSSocket, ms: number, start: 'explicit' | 'implicit'): void {
  const protocol = socket.getProtocol();
  const cipher = socket.getCipher()?.standardName ?? null;
  run.facts.tlsVersion = protocol;
  run.facts.cipher = cipher;
  const values = { protocol: protocol ?? 'TLS', cipher: cipher ?? t('doctorSteps.tls.unknownCipher') };
  s.summary = t(start === 'explicit' ? 'doctorSteps.tls.authAccepted' : 'doctorSteps.tls.implicit', values);
  s.details.push(t('doctorSteps.tls.handshakeTime', { ms: plainNumber(Math.round(ms)) }));
}

function sniffProtocol(bytes: Buffer): NonNullable<ProblemContext['protocol']> {
  const head = bytes.subarray(0, 8).toString('latin1');
  if (head.startsWith('SSH-')) return 'SSH';
  if (head.startsWith('HTTP/')) return 'HTTP';
  if (bytes[0] === 0x16 || bytes[0] === 0x15) return 'TLS';
  return 'unknown';
}
