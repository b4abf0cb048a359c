/** The resolve and connect steps of a direct connection. */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type Socket } from 'node:net';
import { t } from '../../../common/i18n/t';
import { ProbeError, asProbeError, tcpConnect } from '../ftp-probe';
import { type DoctorRun } from '../run';

export async function resolveStep(run: DoctorRun): Promise<readonly string[] | null> {
  let addresses: readonly string[] = [];
  const { host } = run.target;
  const s = await run.step('resolve', async (s) => {
    if (isIP(host)) {
      addresses = [host];
      s.summary = t('doctorSteps.resolve.isAddress', { host });
      return;
    }
    try {
      addresses = run.options.lookup
        ? await run.options.lookup(host)
        : (await dnsLookup(host, { all: true })).map((a) => a.address);
    } catch (err) {
      const error = asProbeError(err);
      s.status = 'failed';
      s.summary = t('doctorSteps.resolve.noAddressCode', { host, code: error.code });
      run.diagnose('dns-failed', 'resolve', { detail: error.code });
      return;
    }
    if (addresses.length === 0) {
      s.status = 'failed';
      s.summary = t('doctorSteps.resolve.noAddress', { host });
      run.diagnose('dns-failed', 'resolve');
      return;
    }
    s.summary = `${host}: ${addresses.join(', ')}`;
  });
  run.facts.addresses = addresses;
  return s.status === 'failed' ? null : addresses;
}

export async function connectStep(run: DoctorRun, addresses: readonly string[]): Promise<Socket | null> {
  let socket: Socket | null = null;
  const { port } = run.target;
  await run.step('connect', async (s) => {
    const failures: ProbeError[] = [];
    for (const address of addresses) {
      try {
        socket = await tcpConnect(address, port, run.timeoutMs, run.tracker);
        run.address = address;
        break;
      } catch (err) {
        const error = asProbeError(err);
        failures.push(error);
        s.details.push(`${address}:${port}: ${error.code === 'ETIMEDOUT' ? t('doctorSteps.noAnswer') : error.code}`);
      }
    }
    if (socket) {
      s.summary = t('doctorSteps.connect.connected', { target: `${run.address}:${port}` });
      run.log(`* connected to ${run.address}:${port}`);
      return;
    }
    s.status = 'failed';
    const refused = failures.every((f) => f.code === 'ECONNREFUSED');
    s.summary = t(refused ? 'doctorSteps.connect.refused' : 'doctorSteps.connect.noAnswer', { port: String(port) });
    run.diagnose(refused ? 'connect-refused' : 'connect-timeout', 'connect', { detail: failures.map((f) => f.code).join(', ') });
  });
  return socket;
}
