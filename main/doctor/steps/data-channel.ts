/** The data steps: EPSV, PASV, a listing, session reuse, and active mode where passive failed. */
import { Buffer } from 'node:buffer';
import { t } from '../../../common/i18n/t';
import { decidePassiveTarget } from '../../ftps/net-address';
import { FtpsSession } from '../../ftps/session';
import { diagnosis } from '../diagnoses';
import { ControlConnection, asProbeError, plainNumber, replyLine, showable } from '../ftp-probe';
import { listenForActive, parseEpsvPort, parsePasv, runTransfer } from '../probe-data';
import { TLS_WANTED, type DoctorRun, type StepHandle } from '../run';
import { isReuseRefusal, judgeListing, listOnce, protectionFor, succeeded } from './data-connections';

export async function dataSteps(run: DoctorRun, control: ControlConnection): Promise<void> {
  const ports = (port: number | null) => {
    if (port !== null) run.facts.passivePortsSeen = [...run.facts.passivePortsSeen, port];
  };
  let epsvOk = false;
  let epsvBlocked: 'refused' | 'timeout' | null = null;
  await run.step('epsv', async (s) => {
    const reply = await control.command('EPSV', run.timeoutMs);
    if (reply.code < 200 || reply.code >= 300) {
      s.status = 'warning';
      s.summary = t('doctorSteps.epsv.notSupported', { reply: replyLine(reply) });
      run.diagnose('epsv-unsupported', 'epsv', { detail: replyLine(reply) });
      return;
    }
    const port = parseEpsvPort(reply.text);
    ports(port);
    if (port === null) {
      s.status = 'warning';
      s.summary = t('doctorSteps.passive.unreadable', { reply: replyLine(reply) });
      return;
    }
    const where = `${control.peerAddress}:${port}`;
    try {
      const socket = await run.openTcp(control.peerAddress, port, run.dataTimeoutMs, 'epsv');
      socket.destroy();
      epsvOk = true;
      s.summary = t('doctorSteps.passive.connected', { port: String(port), where });
    } catch (err) {
      const error = asProbeError(err);
      epsvBlocked = error.code === 'ETIMEDOUT' ? 'timeout' : 'refused';
      s.status = 'failed';
      s.summary = passiveBlocked(epsvBlocked, port, where, run.dataTimeoutMs);
    }
  });

  let pasvOk = false;
  let pasvBlocked: 'refused' | 'timeout' | null = null;
  await run.step('pasv', async (s) => {
    const reply = await control.command('PASV', run.timeoutMs);
    if (reply.code < 200 || reply.code >= 300) {
      s.status = epsvOk ? 'ok' : 'warning';
      s.summary = t(epsvOk ? 'doctorSteps.pasv.refusedEpsvWorks' : 'doctorSteps.refused', { reply: replyLine(reply) });
      return;
    }
    const parsed = parsePasv(reply.text);
    if (parsed === null) {
      s.status = 'warning';
      s.summary = t('doctorSteps.passive.unreadable', { reply: replyLine(reply) });
      return;
    }
    ports(parsed.port);
    run.facts.pasvAnnouncedAddress = parsed.host;
    const decision = decidePassiveTarget(parsed.host, control.peerAddress);
    s.details.push(t('doctorSteps.pasv.names', { announced: `${parsed.host}:${parsed.port}`, peer: control.peerAddress }));
    if (decision.action === 'refuse') {
      s.status = epsvOk ? 'warning' : 'failed';
      s.summary = t('doctorSteps.pasv.foreign', { host: parsed.host });
      run.diagnose('pasv-foreign-address', 'pasv', { announced: parsed.host, epsvWorked: epsvOk });
      return;
    }
    if (decision.action === 'substitute') {
      s.details.push(t('doctorSteps.pasv.substituting', { host: parsed.host, instead: decision.host }));
    }
    const where = `${decision.host}:${parsed.port}`;
    try {
      const socket = await run.openTcp(decision.host, parsed.port, run.dataTimeoutMs, 'pasv');
      socket.destroy();
      pasvOk = true;
      s.summary =
        decision.action === 'substitute'
          ? t('doctorSteps.pasv.substituted', { host: parsed.host, where })
          : t('doctorSteps.passive.connected', { port: String(parsed.port), where });
    } catch (err) {
      const error = asProbeError(err);
      pasvBlocked = error.code === 'ETIMEDOUT' ? 'timeout' : 'refused';
      s.status = 'failed';
      s.summary = passiveBlocked(pasvBlocked, parsed.port, where, run.dataTimeoutMs);
    }
    if (decision.action === 'substitute') {
      if (s.status === 'ok') s.status = 'warning';
      run.diagnose('pasv-private-address', 'pasv', { announced: parsed.host, epsvWorked: epsvOk });
    }
  });

  const method: 'epsv' | 'pasv' | null = epsvOk ? 'epsv' : pasvOk ? 'pasv' : null;
  let listingOk = false;
  let resumedOnListing: boolean | null = null;
  let usedSession: Buffer | null = null;
  let protectionContradicts = false;
  await run.step('listing', async (s) => {
    if (method === null) {
      s.status = 'failed';
      s.summary = t('doctorSteps.listing.noPassive');
      return;
    }
    const outcome = await listOnce(run, control, method, 'latest');
    usedSession = outcome.offered;
    const judged = judgeListing(run, outcome, s, method);
    listingOk = judged.ok;
    resumedOnListing = judged.resumed;
    if (listingOk) {
      const engineError = await listWithEngine(run);
      if (engineError !== null) {
        // The probe's own listing worked, Wharf's did not: the verdict follows what Wharf will do.
        listingOk = false;
        s.status = 'failed';
        s.summary = t('doctorSteps.listing.engineFailed', { reason: engineError });
        s.details.push(t('doctorSteps.listing.engineFailedDetail'));
        run.diagnose('listing-failed', 'listing', { detail: engineError });
        return;
      }
      run.facts.workingDataMethod = method;
      run.facts.dataSessionReused = resumedOnListing;
      run.comparisonMethod = method;
      return;
    }
    if (run.protectionRefusal !== null && outcome.final !== null && TLS_WANTED.test(outcome.final.text)) {
      // PROT P was refused, and now an unencrypted data connection is refused for want of TLS (proftpd
      // "522 SSL/TLS required on the data channel"): one contradiction in the server's settings, not a
      // session reuse problem (522 is also vsftpd's code for those).
      protectionContradicts = true;
      const index = run.diagnoses.findIndex((d) => d.problem === 'data-protection-refused');
      const contradiction = diagnosis('data-protection-refused', 'protection', run.context({ detail: run.protectionRefusal, dataReply: judged.detail }));
      if (index >= 0) run.diagnoses.splice(index, 1, contradiction);
      else run.diagnoses.push(contradiction);
      return;
    }
    if (judged.reuseRefused) {
      run.comparisonMethod = method;
      run.reuseRefusal = judged.detail;
    }
    run.diagnose(judged.reuseRefused ? 'session-reuse-failed' : 'listing-failed', 'listing', { detail: judged.detail });
  });

  if (method !== null && listingOk && run.dataProtected) {
    await run.step('session-reuse', async (s) => {
      await testTicketReuse(run, control, method, usedSession, resumedOnListing, s);
      const outcome = await listOnce(run, control, method, 'none');
      const accepted = succeeded(outcome);
      s.details.push(t('doctorSteps.reuse.listingResumed', { resumed: resumedOnListing ? 'yes' : 'no' }));
      if (accepted) {
        run.facts.sessionReuseRequired = false;
        s.summary = t(resumedOnListing ? 'doctorSteps.reuse.notRequiredResumed' : 'doctorSteps.reuse.notResumedNotRequired');
        return;
      }
      const answer = outcome.final ? replyLine(outcome.final) : outcome.controlError ? showable(outcome.controlError.message) : t('doctorSteps.noAnswer');
      s.details.push(t('doctorSteps.reuse.withoutReuse', { answer }));
      if (outcome.final && isReuseRefusal(outcome.final)) {
        run.facts.sessionReuseRequired = true;
        s.summary = t('doctorSteps.reuse.required', { answer });
        run.diagnose('session-reuse-required', 'session-reuse', { detail: answer });
      } else {
        s.status = 'warning';
        s.summary = t('doctorSteps.reuse.withoutReuseFailed', { answer });
      }
    });
  } else {
    run.skip('session-reuse', t(method === null || !listingOk ? 'doctorSteps.reuse.notReached' : 'doctorSteps.reuse.unencrypted'));
  }

  let activeWorked: boolean | null = null;
  // Active mode cannot help when the server refused the data connection itself (it would refuse it the same way).
  if (run.options.proxy) {
    run.skip('active', t('doctorSteps.active.behindProxy'));
  } else if (method === null || (!listingOk && !protectionContradicts && !run.diagnoses.some((d) => d.problem === 'session-reuse-failed'))) {
    await run.step('active', async (s) => {
      const strangers: string[] = [];
      const listener = await listenForActive(control, run.dataTimeoutMs, run.tracker, (line, from) => {
        run.log(line);
        strangers.push(from);
      });
      try {
        const family = listener.address.includes(':') ? 2 : 1;
        let reply = await control.command(`EPRT |${family}|${listener.address}|${listener.port}|`, run.timeoutMs);
        if ((reply.code < 200 || reply.code >= 300) && family === 1) {
          const [a, b, c, d] = listener.address.split('.');
          reply = await control.command(`PORT ${a},${b},${c},${d},${listener.port >> 8},${listener.port & 255}`, run.timeoutMs);
        }
        if (reply.code < 200 || reply.code >= 300) {
          activeWorked = false;
          s.status = 'failed';
          s.summary = t('doctorSteps.refused', { reply: replyLine(reply) });
          return;
        }
        const outcome = await runTransfer(control, run.listCommand, listener.accepted, protectionFor(run, control, 'latest'), run.timeoutMs, run.tracker);
        const judged = judgeListing(run, outcome, s, 'active');
        activeWorked = judged.ok;
        if (!judged.ok && strangers.length > 0) {
          s.summary = t('doctorSteps.active.stranger', { from: strangers.join(', '), peer: control.peerAddress });
        }
        if (judged.ok) {
          run.facts.workingDataMethod = 'active';
          run.diagnose('active-works', 'active');
        }
      } finally {
        listener.close();
      }
    });
  } else {
    run.skip('active', t(listingOk ? 'doctorSteps.active.notNeeded' : 'doctorSteps.active.transferRefused'));
  }

  if (method === null && (epsvBlocked !== null || pasvBlocked !== null)) {
    run.diagnose('passive-blocked', 'listing', {
      ports: run.facts.passivePortsSeen,
      blocked: epsvBlocked === 'timeout' || pasvBlocked === 'timeout' ? 'timeout' : 'refused',
      activeWorked,
    });
  }
}

/** A passive port the doctor could not connect to: silent (a firewall that drops) or refused. */
function passiveBlocked(blocked: 'refused' | 'timeout', port: number, where: string, timeoutMs: number): string {
  return blocked === 'timeout'
    ? t('doctorSteps.passive.timeout', { port: String(port), where, ms: plainNumber(timeoutMs) })
    : t('doctorSteps.passive.refused', { port: String(port), where });
}

/**
 * TLS 1.3 only: offers the ticket that already resumed the listing's data connection once more. A server
 * with single-use tickets refuses it; clients that keep reusing their first ticket then fail from their
 * second transfer on.
 */
async function testTicketReuse(run: DoctorRun, control: ControlConnection, method: 'epsv' | 'pasv', used: Buffer | null, resumed: boolean | null, s: StepHandle): Promise<void> {
  if (run.facts.tlsVersion !== 'TLSv1.3' || used === null || resumed !== true) return;
  const again = await listOnce(run, control, method, used);
  const reused = succeeded(again) && again.data.sessionReused === true;
  run.facts.tls13TicketReusable = reused;
  if (reused) {
    s.details.push(t('doctorSteps.ticket.reused'));
    return;
  }
  const answer = again.final ? replyLine(again.final) : t('doctorSteps.noAnswer');
  s.details.push(t('doctorSteps.ticket.notReused', { answer: succeeded(again) ? t('doctorSteps.ticket.acceptedWithoutReuse') : answer }));
  if (!succeeded(again)) run.diagnose('tls13-single-use-tickets', 'session-reuse', { detail: answer });
}

/**
 * Lists through Wharf's engine (main/ftps), the code every transfer uses, on its own connection with the
 * certificate this run accepted: "works" must mean Wharf works, not only the doctor's probe.
 */
export async function listWithEngine(run: DoctorRun): Promise<string | null> {
  let session: FtpsSession | null = null;
  try {
    session = await FtpsSession.open({
      // Past a refused PROT P the run learns whether listings would work with clear data allowed (the
      // refusal is already diagnosed): the engine is asked the same.
      target: { ...run.target, dataMode: 'passive', ...(run.protectionRefusal !== null ? { allowClearData: true } : {}) },
      password: run.options.password,
      allowPlain: run.options.allowPlain ?? false,
      extraCaPem: run.options.extraCaPem ?? [],
      ...(run.acceptedFingerprint !== null ? { pinnedFingerprint: run.acceptedFingerprint } : {}),
      insecure: run.options.insecure ?? false,
      timeoutMs: run.timeoutMs,
      keepAliveIntervalMs: 0,
      // The same way out as the run itself: the site's client certificate and proxy.
      ...(run.options.clientCertificate ? { clientCertificate: run.options.clientCertificate } : {}),
      ...(run.options.proxy ? { proxy: run.options.proxy } : {}),
    });
    await session.list(run.options.remoteDir && run.remoteDirOpened ? run.options.remoteDir : '');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await session?.close().catch(() => undefined);
  }
}

