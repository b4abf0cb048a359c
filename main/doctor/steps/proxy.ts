/** The proxy step, and the connect step through the proxy's tunnel. */
import { type Socket } from 'node:net';
import { t } from '../../../common/i18n/t';
import { formatProxyAddress } from '../../../common/models/proxy';
import type { ProxyEndpoint } from '../../ftps/proxy';
import { asProbeError, showable } from '../ftp-probe';
import { type DoctorRun } from '../run';

/** The proxy step: reached, authenticated, and CONNECT to the FTP port allowed; the tunnel is the control connection. */
export async function proxyStep(run: DoctorRun, proxy: ProxyEndpoint): Promise<Socket | null> {
  let socket: Socket | null = null;
  const { host, port } = run.target;
  const where = formatProxyAddress(proxy);
  const target = `${host}:${port}`;
  await run.step('proxy', async (s) => {
    s.details.push(t('doctorSteps.proxy.via', { kind: proxy.kind === 'socks5' ? 'SOCKS5' : 'HTTP CONNECT', where, source: proxy.source }));
    try {
      socket = await run.dialThroughProxy(proxy, port, run.timeoutMs);
    } catch (err) {
      const error = asProbeError(err);
      s.status = 'failed';
      s.summary = showable(error.message);
      s.details.push(
        t('doctorSteps.proxy.reached', { state: error.code === 'EPROXYREACH' ? 'no' : 'yes' }),
        t('doctorSteps.proxy.authenticated', { state: error.code === 'EPROXYREACH' ? 'notTried' : error.code === 'EPROXYAUTH' ? 'no' : proxy.user ? 'yes' : 'none' }),
        t('doctorSteps.proxy.connectTo', { state: error.code === 'EPROXYCONNECT' ? 'refused' : 'notTried', target }),
      );
      run.diagnose('proxy-failed', 'proxy', { detail: showable(error.message) });
      return;
    }
    s.summary = t(proxy.user ? 'doctorSteps.proxy.throughAuthenticated' : 'doctorSteps.proxy.through', { where, target });
    s.details.push(
      t('doctorSteps.proxy.reached', { state: 'yes' }),
      t('doctorSteps.proxy.authenticated', { state: proxy.user ? 'yes' : 'none' }),
      t('doctorSteps.proxy.connectTo', { state: 'allowed', target }),
    );
    run.log(`* connected to ${host}:${port} through ${where}`);
  });
  if (!socket) {
    run.skip('connect', t('doctorSteps.proxy.connectNotTried'));
    return null;
  }
  run.address = host;
  await run.step('connect', async (s) => {
    s.summary = t('doctorSteps.connect.throughProxy', { target });
  });
  return socket;
}
