/** The proxy step, and the connect step through the proxy's tunnel. */
import { type Socket } from 'node:net';
import { formatProxyAddress } from '../../../common/models/proxy';
import type { ProxyEndpoint } from '../../ftps/proxy';
import { asProbeError, showable } from '../ftp-probe';
import { type DoctorRun } from '../run';

/** The proxy step: reached, authenticated, and CONNECT to the FTP port allowed; the tunnel is the control connection. */
export async function proxyStep(run: DoctorRun, proxy: ProxyEndpoint): Promise<Socket | null> {
  let socket: Socket | null = null;
  const { host, port } = run.target;
  const where = formatProxyAddress(proxy);
  await run.step('proxy', async (s) => {
    s.details.push(`${proxy.kind === 'socks5' ? 'SOCKS5' : 'HTTP CONNECT'} proxy ${where} (${proxy.source})`);
    try {
      socket = await run.dialThroughProxy(proxy, port, run.timeoutMs);
    } catch (err) {
      const error = asProbeError(err);
      s.status = 'failed';
      s.summary = showable(error.message);
      s.details.push(
        error.code === 'EPROXYREACH' ? 'Reached: no' : 'Reached: yes',
        error.code === 'EPROXYREACH' ? 'Authenticated: not tried' : error.code === 'EPROXYAUTH' ? 'Authenticated: no' : `Authenticated: ${proxy.user ? 'yes' : 'no login needed'}`,
        error.code === 'EPROXYCONNECT' ? `CONNECT to ${host}:${port}: refused` : `CONNECT to ${host}:${port}: not tried`,
      );
      run.diagnose('proxy-failed', 'proxy', { detail: showable(error.message) });
      return;
    }
    s.summary = `Through ${where}: reached${proxy.user ? ', authenticated' : ''}, and allowed to connect to ${host}:${port}.`;
    s.details.push('Reached: yes', `Authenticated: ${proxy.user ? 'yes' : 'no login needed'}`, `CONNECT to ${host}:${port}: allowed`);
    run.log(`* connected to ${host}:${port} through ${where}`);
  });
  if (!socket) {
    run.skip('connect', 'Not tried: the proxy did not connect.');
    return null;
  }
  run.address = host;
  await run.step('connect', async (s) => {
    s.summary = `Connected to ${host}:${port} through the proxy.`;
  });
  return socket;
}
