/** The login and data-protection (PBSZ/PROT P) steps. */
import { t } from '../../../common/i18n/t';
import type { DoctorProblem } from '../../../common/models/doctor';
import { ControlConnection, replyLine, showable } from '../ftp-probe';
import { TLS_WANTED, TOO_MANY, type DoctorRun } from '../run';

/** USER and PASS, then FEAT and CWD. */
export async function loginStep(run: DoctorRun, control: ControlConnection): Promise<boolean> {
  let ok = false;
  await run.step('login', async (s) => {
    const user = run.target.user || 'anonymous';
    let reply = await control.command(`USER ${user}`, run.timeoutMs);
    if (reply.code === 331 || reply.code === 332) {
      reply = await control.command(`PASS ${run.options.password}`, run.timeoutMs, 'PASS ********');
    }
    if (reply.code !== 230 && reply.code !== 202) {
      s.status = 'failed';
      s.summary = t('doctorSteps.refused', { reply: replyLine(reply) });
      const problem: DoctorProblem = TOO_MANY.test(reply.text)
        ? 'too-many-connections'
        : run.target.mode === 'plain' && TLS_WANTED.test(reply.text)
          ? 'tls-required'
          : reply.code === 421
            ? 'server-closed'
            : 'login-refused';
      run.diagnose(problem, 'login', { detail: replyLine(reply) });
      return;
    }
    ok = true;
    s.summary = t('doctorSteps.login.loggedIn', { user, reply: replyLine(reply) });
    const feat = await control.command('FEAT', run.timeoutMs);
    if (feat.code >= 200 && feat.code < 300) {
      run.facts.features = feat.text
        .split('\n')
        .slice(1, -1)
        .map((l) => l.trim())
        .filter((l) => l.length > 0)
        .map((l) => showable(l, 120));
      s.details.push(t('doctorSteps.login.features', { features: run.facts.features.join(', ') || t('doctorSteps.login.noFeatures') }));
    }
    run.listCommand = run.facts.features.some((f) => /^MLST\b/i.test(f)) ? 'MLSD' : 'LIST';
    if (run.options.remoteDir) {
      const cwd = await control.command(`CWD ${run.options.remoteDir}`, run.timeoutMs);
      if (cwd.code < 200 || cwd.code >= 300) {
        run.remoteDirOpened = false;
        s.status = 'warning';
        s.details.push(t('doctorSteps.login.folderNotOpened', { folder: showable(run.options.remoteDir), reply: replyLine(cwd) }));
      }
    }
  });
  return ok;
}

export async function protectionStep(run: DoctorRun, control: ControlConnection): Promise<void> {
  if (run.target.mode === 'plain') {
    run.skip('protection', t('doctorSteps.protection.plain'));
    return;
  }
  await run.step('protection', async (s) => {
    const pbsz = await control.command('PBSZ 0', run.timeoutMs);
    const prot = await control.command('PROT P', run.timeoutMs);
    run.dataProtected = prot.code >= 200 && prot.code < 300;
    s.details.push(`PBSZ 0: ${replyLine(pbsz)}`, `PROT P: ${replyLine(prot)}`);
    if (run.dataProtected) {
      s.summary = t('doctorSteps.protection.accepted');
      return;
    }
    // Wharf itself stops such a connection unless the site allows clear data; the doctor goes on to
    // learn whether listings would work with the setting on.
    s.status = run.target.allowClearData === true ? 'warning' : 'failed';
    s.summary = t('doctorSteps.protection.refused', { reply: replyLine(prot) });
    run.protectionRefusal = replyLine(prot);
    run.diagnose('data-protection-refused', 'protection', { detail: replyLine(prot) });
  });
}
