/**
 * The connection doctor's proxy and client-certificate steps against real parts: vsftpd requiring or only
 * requesting a client certificate signed by the run's CA, and real proxies (dante, tinyproxy) inside
 * the namespace of a vsftpd that the firewall hides from direct connections. Timings are never asserted.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { DoctorProblem, DoctorReport, DoctorStep, DoctorStepId } from '../../common/models/doctor';
import { runDoctor, type DoctorOptions } from '../../main/doctor/doctor';
import { loadClientCertificate, type ClientCertificate } from '../../main/ftps/client-certificate';
import type { ProxyEndpoint } from '../../main/ftps/proxy';
import { startVsftpd, type ExtraServer } from '../servers/doctor-servers';
import { useFleet } from '../servers/fleet';
import { createNetworkNamespace } from '../servers/network-namespace';
import { startSocksProxy, startTinyproxy, type TestProxy } from '../servers/proxies';
import { targetFor } from '../ftps/support';

const fleet = await useFleet();
const LOGIN = { user: 'wharf-doctor-proxy', password: 'Doctor-proxy-1' };
let requiring: ExtraServer;
let requesting: ExtraServer;
let hidden: ExtraServer;
let socks: TestProxy;
let httpAll: TestProxy;
let httpControlOnly: TestProxy;
let certificate: ClientCertificate;

before(async () => {
  const network = await createNetworkNamespace();
  const certLines = (required: boolean) => ['ssl_request_cert=YES', `require_cert=${required ? 'YES' : 'NO'}`, `validate_cert=${required ? 'YES' : 'NO'}`, `ca_certs_file=${fleet.caCertFile}`];
  [requiring, requesting, hidden] = await Promise.all([
    startVsftpd(fleet, { name: 'doctor-cert-required', lines: certLines(true) }),
    startVsftpd(fleet, { name: 'doctor-cert-requested', lines: certLines(false) }),
    startVsftpd(fleet, { name: 'doctor-behind-proxy', network }),
  ]);
  const [low, high] = hidden.passivePorts;
  [socks, httpAll, httpControlOnly] = await Promise.all([
    startSocksProxy(network, 1080, LOGIN),
    startTinyproxy(network, 8888),
    startTinyproxy(network, 8889, { connectPorts: [hidden.port] }),
  ]);
  await network.dropTcpFromHost(hidden.port, hidden.port);
  await network.dropTcpFromHost(low, high);
  certificate = await loadClientCertificate({ certPath: fleet.clientCert.certFile, keyPath: fleet.clientCert.keyFile });
});

/** The connection fields of a fleet server or an extra one. */
type Reachable = Pick<ExtraServer, 'host' | 'port' | 'user' | 'password'> & { readonly mode: 'explicit' | 'implicit' | 'plain' };

function doctor(server: Reachable, options: Partial<DoctorOptions> = {}): Promise<DoctorReport> {
  return runDoctor({ target: targetFor(server), password: server.password, extraCaPem: [fleet.caCertPem], timeoutMs: 10_000, dataTimeoutMs: 5_000, ...options });
}

function behindProxy(proxy: ProxyEndpoint): Promise<DoctorReport> {
  return doctor(hidden, { proxy, pinnedFingerprint: fleet.servers['vsftpd-explicit'].certFingerprintSha256 ?? '' });
}

function endpoint(proxy: TestProxy, login?: { user: string; password: string }): ProxyEndpoint {
  return { kind: proxy.kind, host: proxy.host, port: proxy.port, user: login?.user ?? '', password: login?.password ?? '', source: 'site' };
}

function step(report: DoctorReport, id: DoctorStepId): DoctorStep {
  const found = report.steps.find((s) => s.id === id);
  assert.ok(found, `step ${id} is in the report`);
  return found;
}

function errors(report: DoctorReport): DoctorProblem[] {
  return report.diagnoses.filter((d) => d.severity === 'error').map((d) => d.problem);
}

/** The failed steps and the findings, for an assertion's message: which step found what, and why. */
function findings(report: DoctorReport): string {
  return JSON.stringify({ failed: report.steps.filter((s) => s.status === 'failed'), diagnoses: report.diagnoses.map((d) => ({ problem: d.problem, step: d.stepId, explanation: d.explanation })) });
}

describe('the client-certificate step', () => {
  test('a server that requires one, given none: the step fails and the fix names the setting', async () => {
    const report = await doctor(requiring);
    assert.equal(step(report, 'client-certificate').status, 'failed');
    assert.match(step(report, 'client-certificate').summary, /Requested and required/);
    assert.deepEqual(errors(report), ['client-certificate-required']);
    const found = report.diagnoses.find((d) => d.problem === 'client-certificate-required');
    assert.match(found?.fixes.join(' ') ?? '', /Connectivity tab.*--cert/);
    assert.equal(step(report, 'login').status, 'skipped');
  });

  test('with the certificate: sent and accepted, and the run goes on to a listing', async () => {
    const report = await doctor(requiring, { clientCertificate: certificate });
    assert.equal(step(report, 'client-certificate').summary, 'CN=wharf-test-client, sent: the server accepted it.');
    assert.equal(step(report, 'listing').status, 'ok');
    assert.deepEqual(errors(report), [], findings(report));
  });

  test('a server that only requests one: fine without', async () => {
    const report = await doctor(requesting);
    assert.equal(step(report, 'client-certificate').status, 'ok');
    assert.match(step(report, 'client-certificate').summary, /Requested, none sent/);
    assert.equal(step(report, 'listing').status, 'ok');
  });

  test('a server that asks for none: not requested', async () => {
    const report = await doctor(fleet.servers['vsftpd-explicit'], { clientCertificate: certificate });
    assert.equal(step(report, 'client-certificate').summary, 'CN=wharf-test-client, not requested: the server did not ask for one.');
  });
});

describe('the proxy step', () => {
  test('without a proxy it is skipped', async () => {
    const report = await doctor(requesting);
    assert.equal(step(report, 'proxy').status, 'skipped');
  });

  test('SOCKS5 with a login: reached, authenticated, CONNECT allowed; the listing goes through it', async () => {
    const report = await behindProxy(endpoint(socks, LOGIN));
    const proxy = step(report, 'proxy');
    assert.equal(proxy.status, 'ok', proxy.summary);
    assert.deepEqual(proxy.details.slice(1), ['Reached: yes', 'Authenticated: yes', `CONNECT to ${hidden.host}:${hidden.port}: allowed`]);
    assert.equal(step(report, 'listing').status, 'ok');
    assert.equal(step(report, 'active').status, 'skipped');
    assert.match(step(report, 'active').summary, /behind a proxy/);
    assert.deepEqual(errors(report), [], findings(report));
  });

  test('a wrong proxy password: not authenticated, and the fix points at the proxy setting', async () => {
    const report = await behindProxy(endpoint(socks, { ...LOGIN, password: 'wrong' }));
    const proxy = step(report, 'proxy');
    assert.equal(proxy.status, 'failed');
    assert.ok(proxy.details.includes('Authenticated: no'), proxy.details.join('\n'));
    assert.deepEqual(errors(report), ['proxy-failed']);
    assert.equal(step(report, 'connect').status, 'skipped');
  });

  test('HTTP CONNECT allowed to the FTP port but not the passive ports: the passive steps name the proxy', async () => {
    const report = await behindProxy(endpoint(httpControlOnly));
    assert.equal(step(report, 'proxy').status, 'ok');
    assert.equal(step(report, 'login').status, 'ok');
    const proxyFinding = report.diagnoses.find((d) => d.problem === 'proxy-failed');
    assert.ok(proxyFinding, JSON.stringify(report.diagnoses));
    assert.match(proxyFinding.explanation, /Passive port \d+: The HTTP proxy .* refused CONNECT .*403/);
    const all = await behindProxy(endpoint(httpAll));
    assert.equal(step(all, 'listing').status, 'ok');
    assert.deepEqual(errors(all), [], findings(all));
  });
});
