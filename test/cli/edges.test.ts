/**
 * The command line at its edges (issue #14, items 8 and 9), against the fleet's real servers: the site:
 * path grammar, IPv6 hosts in URLs, certificate and TLS error wording, sync into folders that do not
 * exist yet, and ftpes:// pointed at an implicit-FTPS port.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:tls';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { toWharfError } from '../../main/ftps/error-mapping';
import { explainVerificationError } from '../../main/ftps/certificate';
import { writeServerFile, type ServerInfo } from '../servers/fleet';
import { cliWorkspace, runWharf, serverUrl } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-cli-edges');

function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** A data folder holding one saved site (password asked, so WHARF_PASSWORD gives it) with a remote folder. */
function siteData(server: ServerInfo, name: string, remoteDir: string, extra: Record<string, unknown> = {}): string {
  const dataDir = mkdtempSync(join(work, 'data-'));
  writeFileSync(join(dataDir, 'sites.json'), JSON.stringify({
    schemaVersion: 2,
    folders: [],
    sites: [{
      id: '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e', name, folderPath: [], protocol: server.mode, host: server.host, port: server.port, portFollowsProtocol: false,
      user: server.user, passwordStorage: 'ask', dataMode: 'passive', localDir: '', remoteDir, encoding: 'utf8', maxConnections: 2,
      timezoneOffsetMinutes: 0, minTlsVersion: 'TLSv1.2', uploadViaTemporaryName: true, comments: '', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z',
      ...extra,
    }],
  }));
  return dataDir;
}

describe('site: paths decode like URLs and start in the site\'s remote folder', () => {
  const server = fleet.servers['vsftpd-explicit'];
  const box = `/${unique('box')}`;
  const name = unique('box-site');
  let env: Record<string, string>;
  before(() => {
    writeServerFile(server, `${box}/a.txt`, 'in the site folder');
    writeServerFile(server, `${box}/name with spaces.txt`, 'a spaced name');
    writeServerFile(server, `${box}.txt`, 'at the root');
    env = { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: siteData(server, name, box) };
  });

  const fetch = async (location: string): Promise<string> => {
    const target = join(work, unique('got'));
    const got = await runWharf(['get', location, target, '--ca', caFile], env);
    assert.equal(got.code, 0, `${location}: ${got.stderr}`);
    return readFileSync(target, 'utf8');
  };

  test('site:NAME/a.txt is <site folder>/a.txt', async () => {
    assert.equal(await fetch(`site:${name}/a.txt`), 'in the site folder');
  });

  test('%-escapes are decoded: site:NAME/name%20with%20spaces.txt', async () => {
    assert.equal(await fetch(`site:${name}/name%20with%20spaces.txt`), 'a spaced name');
  });

  test('site:NAME//path and site:NAME/%2Fpath are absolute', async () => {
    assert.equal(await fetch(`site:${name}/${box}.txt`), 'at the root');
    assert.equal(await fetch(`site:${name}/%2F${box.slice(1)}.txt`), 'at the root');
  });

  test('site:NAME alone lists the site folder', async () => {
    const ls = await runWharf(['ls', `site:${name}`, '--ca', caFile], env);
    assert.equal(ls.code, 0, ls.stderr);
    assert.match(ls.stdout, /a\.txt/);
    assert.match(ls.stdout, /name with spaces\.txt/);
  });

  test('wharf --help states the URL rules and what site add --folder is', async () => {
    const help = await runWharf(['--help'], {});
    assert.match(help.stdout, /path of a URL is absolute/);
    assert.match(help.stdout, /site:box\/a\.txt is <site folder>\/a\.txt/);
    assert.match(help.stdout, /--folder is the site manager's folder/);
  });
});

describe('IPv6 hosts', () => {
  test('site ls and site show write an IPv6 host in brackets', async () => {
    const dataDir = mkdtempSync(join(work, 'data-'));
    const env = { WHARF_DATA_DIR: dataDir };
    const add = await runWharf(['site', 'add', 'six', '--url', 'ftps://alice@[::1]:2302/', '--ask-password'], env);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /ftps:\/\/alice@\[::1\]:2302\//);
    const ls = await runWharf(['site', 'ls'], env);
    assert.match(ls.stdout, /ftps:\/\/alice@\[::1\]:2302\t/);
  });
});

describe('certificate and TLS wording', () => {
  const server = fleet.servers['vsftpd-explicit'];

  test('a certificate from an unknown CA is "issued by an unknown authority", not "self-signed"', async () => {
    const ls = await runWharf(['ls', serverUrl(server)], { WHARF_PASSWORD: server.password });
    assert.equal(ls.code, 4, ls.stderr);
    assert.match(ls.stderr, /issued by an unknown authority \(.*Wharf/);
    assert.doesNotMatch(ls.stderr, /self-signed/);
  });

  test('a chain sent up to an untrusted root (SELF_SIGNED_CERT_IN_CHAIN) is an unknown authority too', () => {
    const certificate = {
      subject: 'CN=127.0.0.1', issuer: 'CN=Some CA', validFrom: '2020-01-01T00:00:00.000Z', validTo: '2999-01-01T00:00:00.000Z', fingerprintSha256: 'AB',
      serialNumber: '01', subjectAltNames: ['IP Address:127.0.0.1'], selfSigned: false, verificationError: 'SELF_SIGNED_CERT_IN_CHAIN',
    };
    assert.match(explainVerificationError(certificate, '127.0.0.1'), /issued by an unknown authority \(CN=Some CA\)/);
    assert.match(explainVerificationError({ ...certificate, issuer: certificate.subject, selfSigned: true, verificationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, '127.0.0.1'), /self-signed/);
  });

  test('OpenSSL\'s error dump is cut to its reason (a TLS handshake with a plain FTP server)', async () => {
    const plain = fleet.servers['vsftpd-plain'];
    const error = await new Promise<Error>((resolve) => {
      const socket = connect({ host: plain.host, port: plain.port, rejectUnauthorized: false });
      socket.once('error', resolve);
    });
    assert.match(error.message, /:error:/, 'Node passes OpenSSL\'s dump on');
    const mapped = toWharfError(error, { phase: 'connect', mode: 'explicit' });
    assert.doesNotMatch(mapped.message, /:error:|\.c:\d+|\n/);
    assert.match(mapped.message, /wrong version number|packet length too long/);
  });
});

describe('sync into folders that do not exist yet', () => {
  const server = fleet.servers['proftpd-explicit'];
  const env = { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: mkdtempSync(join(work, 'data-')) };

  test('sync up into a missing remote folder: the dry run plans copies, the real run creates it', async () => {
    const local = mkdtempSync(join(work, 'up-'));
    writeFileSync(join(local, 'one.txt'), 'one');
    const remote = `/${unique('new-up')}/deeper`;
    const dry = await runWharf(['sync', local, serverUrl(server, remote), '--direction', 'up', '--dry-run', '--ca', caFile], env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /copy .*-> server one\.txt/);
    assert.equal(existsSync(join(server.root, remote)), false, 'a dry run creates nothing');
    const real = await runWharf(['sync', local, serverUrl(server, remote), '--direction', 'up', '--ca', caFile], env);
    assert.equal(real.code, 0, real.stderr);
    assert.equal(readFileSync(join(server.root, remote, 'one.txt'), 'utf8'), 'one');
  });

  test('sync down into a missing local folder creates it', async () => {
    const remote = `/${unique('down')}`;
    writeServerFile(server, `${remote}/two.txt`, 'two');
    const local = join(work, unique('new-down'), 'deeper');
    const dry = await runWharf(['sync', local, serverUrl(server, remote), '--direction', 'down', '--dry-run', '--ca', caFile], env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(existsSync(local), false, 'a dry run creates nothing');
    const real = await runWharf(['sync', local, serverUrl(server, remote), '--direction', 'down', '--ca', caFile], env);
    assert.equal(real.code, 0, real.stderr);
    assert.equal(readFileSync(join(local, 'two.txt'), 'utf8'), 'two');
  });
});

describe('ftpes:// on an implicit-FTPS port', () => {
  test('says the port speaks implicit FTPS long before a generous timeout', async () => {
    const server = fleet.servers['vsftpd-implicit'];
    // The runner kills wharf after a minute: waiting out --timeout 300 would fail this test.
    const ls = await runWharf(['ls', `ftpes://${server.user}@${server.host}:${server.port}/`, '--ca', caFile, '--timeout', '300'], { WHARF_PASSWORD: server.password });
    assert.equal(ls.code, 4, ls.stderr);
    assert.match(ls.stderr, /this port expects implicit FTPS \(ftps:\/\//);
  });
});
