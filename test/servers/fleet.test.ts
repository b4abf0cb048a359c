/**
 * Self-test of the fleet: every server really accepts a login, lists, and round-trips a file, checked with
 * independent clients (curl, and lftp where curl 7.88 cannot: active-mode FTPS), plus the certificate and
 * TLS-session-reuse promises the fleet makes to the other suites.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkServerIdentity, connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls';
import { ALL_SERVERS, serverLog, useFleet, writeServerFile, type ServerInfo, type ServerName } from './fleet';
import { PYFTPDLIB_SERVERS, type PyftpdlibServerName } from './pyftpdlib';

const fleet = await useFleet();
const local = mkdtempSync(join(tmpdir(), 'wharf-fleet-test-'));
after(() => rmSync(local, { recursive: true, force: true }));

interface Exit { code: number; stdout: string; stderr: string; }

function runTool(cmd: string, args: string[]): Promise<Exit> {
  return new Promise((resolve) => {
    execFile(cmd, args, { maxBuffer: 16 * 1024 * 1024, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** curl against one server, verifying its certificate with the fleet's CA the way each server needs. */
function curl(s: ServerInfo, path: string, extra: string[] = []): Promise<Exit> {
  const args = ['-sS', '--max-time', '30', '-u', `${s.user}:${s.password}`];
  let host = '127.0.0.1';
  if (s.mode !== 'plain') args.push('--cacert', fleet.caCertFile);
  if (s.mode === 'explicit') args.push('--ssl-reqd');
  if (s.name === 'vsftpd-wronghost') {
    // Its certificate names only wrong.example: reach 127.0.0.1 under that name so verification still runs.
    host = 'wrong.example';
    args.push('--resolve', `wrong.example:${s.port}:127.0.0.1`);
  }
  // Expired on purpose: nothing can verify it, so this one round-trip runs unverified.
  if (s.name === 'vsftpd-expired') args.push('--insecure');
  if (s.name === 'vsftpd-nat' || s.name === 'vsftpd-bounce') {
    // Force PASV so the advertised address is used; curl's default --ftp-skip-pasv-ip then connects to the
    // control host (127.0.0.1), never to the advertised one.
    args.push('--disable-epsv');
  }
  const scheme = s.mode === 'implicit' ? 'ftps' : 'ftp';
  return runTool('curl', [...args, ...extra, `${scheme}://${host}:${s.port}${path}`]);
}

function ok(result: Exit, what: string): string {
  assert.equal(result.code, 0, `${what}: curl exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

test('the fleet describes every server on 127.0.0.1 with distinct ports, users and existing roots', () => {
  assert.deepEqual(Object.keys(fleet.servers).sort(), [...ALL_SERVERS].sort());
  const servers = Object.values(fleet.servers);
  assert.equal(new Set(servers.map((s) => s.port)).size, servers.length);
  assert.equal(new Set(servers.map((s) => s.user)).size, servers.length);
  for (const s of servers) {
    assert.equal(s.host, '127.0.0.1');
    assert.ok(statSync(s.root).isDirectory(), `${s.name} root ${s.root}`);
    assert.equal(s.certFingerprintSha256 === null, s.mode === 'plain', s.name);
    if (s.certFingerprintSha256) assert.match(s.certFingerprintSha256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  }
  assert.match(fleet.caCertPem, /BEGIN CERTIFICATE/);
  assert.notEqual(fleet.otherCaCertPem, fleet.caCertPem);
  assert.equal(readFileSync(fleet.caCertFile, 'utf8'), fleet.caCertPem);
});

/**
 * curl 7.88 uploads to vsftpd over TLS 1.3 fail about 2 times in 3 with "426 Failure reading network stream.":
 * curl closes the data connection with vsftpd's post-handshake session tickets still unread, the kernel answers
 * with a RST and vsftpd loses the tail of the stream. TLS 1.2 (tickets inside the handshake) and lftp are fine.
 */
function uploadFlags(s: ServerInfo): string[] {
  return s.name.startsWith('vsftpd-') && s.mode !== 'plain' ? ['--tls-max', '1.2'] : [];
}

/**
 * curl 7.88 starts TLS on a passive data connection before it sends the transfer command; pyftpdlib closes a data
 * connection that speaks before its command (DTPHandler.readable), so curl fails there about half the time. lftp
 * (and Python's ftplib, and FileZilla) wait for the 1xx reply: the pyftpdlib variants round-trip with lftp.
 */
const CURL_SERVERS = ALL_SERVERS.filter((name) => !PYFTPDLIB_SERVERS.includes(name as PyftpdlibServerName));

test('every server but pyftpdlib: curl logs in, uploads, lists and downloads the same bytes', { concurrency: true }, async (t) => {
  await Promise.all(CURL_SERVERS.map((name) => t.test(name, () => roundTrip(fleet.servers[name]))));
});

/**
 * TLS 1.2 for the same reason as uploadFlags: lftp closes a data connection with the server's TLS 1.3 session
 * tickets unread, the kernel answers with a RST and pyftpdlib loses the tail of an upload.
 */
function lftp(s: ServerInfo, commands: string[]): Promise<Exit> {
  const script = [
    'set ssl:priority NORMAL:-VERS-TLS1.3', 'set xfer:clobber on', `set ftp:ssl-force ${s.mode !== 'plain'}`, `set ftp:ssl-protect-data ${s.mode !== 'plain'}`, `set ftp:ssl-allow ${s.mode !== 'plain'}`, `set ssl:ca-file ${fleet.caCertFile}`,
    'set net:max-retries 1', 'set net:timeout 10', ...commands, 'quit',
  ].join('; ');
  const scheme = s.mode === 'implicit' ? 'ftps' : 'ftp';
  return runTool('lftp', ['-u', `${s.user},${s.password}`, '-e', script, `${scheme}://127.0.0.1:${s.port}`]);
}

test('every pyftpdlib variant: lftp logs in, uploads, lists and downloads the same bytes', { concurrency: true }, async (t) => {
  await Promise.all(PYFTPDLIB_SERVERS.map((name) => t.test(name, async () => {
    const s = fleet.servers[name];
    const upload = join(local, `${name}-up.bin`);
    const download = join(local, `${name}-down.bin`);
    const content = randomBytes(256 * 1024);
    writeFileSync(upload, content);
    const result = await lftp(s, [`put ${upload} -o round-trip.bin`, 'ls', `get round-trip.bin -o ${download}`]);
    assert.equal(result.code, 0, `${name}: ${result.stderr}`);
    assert.deepEqual(readFileSync(join(s.root, 'round-trip.bin')), content);
    assert.equal(statSync(join(s.root, 'round-trip.bin')).uid, statSync(s.root).uid, 'the upload belongs to the FTP user');
    assert.deepEqual(readFileSync(download), content);
    assert.match(result.stdout, /round-trip\.bin\r?$/m);
  })));
});

test('pyftpdlib-iis imitates IIS: Windows_NT, DOS listings, no MLSD, 534 to a login before AUTH', async () => {
  const s = fleet.servers['pyftpdlib-iis'];
  writeServerFile(s, 'iis folder/report 1.txt', 'x'.repeat(1234));
  const listing = await lftp(s, ['ls']);
  assert.equal(listing.code, 0, listing.stderr);
  assert.match(listing.stdout, /^\d\d-\d\d-\d\d {2}\d\d:\d\d[AP]M {7}<DIR> {10}iis folder\r?$/m);
  const inner = await lftp(s, ['cd "iis folder"', 'ls']);
  assert.match(inner.stdout, /^\d\d-\d\d-\d\d {2}\d\d:\d\d[AP]M {17}1234 report 1\.txt\r?$/m);
  const { control } = await openSecure(s, { ca: fleet.caCertPem });
  try {
    assert.equal(await control.send('SYST'), '215 Windows_NT');
    const feat = await control.send('FEAT');
    assert.match(feat, /AUTH TLS/);
    assert.doesNotMatch(feat, /MLS[TD]/);
    assert.match(await control.send(`USER ${s.user}`), /^331/);
    assert.match(await control.send(`PASS ${s.password}`), /^230/);
    assert.match(await control.send('MLSD'), /^500/);
  } finally {
    control.close();
  }
});

async function roundTrip(s: ServerInfo): Promise<void> {
  const name = s.name;
  const content = randomBytes(256 * 1024);
  const upload = join(local, `${name}-up.bin`);
  const download = join(local, `${name}-down.bin`);
  writeFileSync(upload, content);
  const remote = `round-trip-${name}.bin`;

  ok(await curl(s, `/${remote}`, ['-T', upload, ...uploadFlags(s)]), 'upload');
  const onDisk = join(s.root, remote);
  assert.deepEqual(readFileSync(onDisk), content, 'the uploaded file is in root, byte for byte');
  assert.equal(statSync(onDisk).uid, statSync(s.root).uid, 'the upload belongs to the FTP user');

  const listing = ok(await curl(s, '/'), 'list');
  assert.match(listing, new RegExp(`${remote.replace(/\./g, '\\.')}\\r?$`, 'm'));

  ok(await curl(s, `/${remote}`, ['-o', download]), 'download');
  assert.deepEqual(readFileSync(download), content);

  // A file the test writes directly (as that user) is served, and the server may overwrite it.
  writeServerFile(s, 'seeded/hello.txt', 'hello from the test\n');
  assert.equal(ok(await curl(s, '/seeded/hello.txt'), 'download seeded'), 'hello from the test\n');
  ok(await curl(s, '/seeded/hello.txt', ['-T', upload, ...uploadFlags(s)]), 'overwrite seeded');
  assert.deepEqual(readFileSync(join(s.root, 'seeded/hello.txt')), content);

  const mlsd = await curl(s, '/', ['-X', 'MLSD']);
  if (s.supportsMlsd) {
    assert.equal(mlsd.code, 0, mlsd.stderr);
    assert.match(mlsd.stdout, new RegExp(`type=file;.*; ${remote.replace(/\./g, '\\.')}\\r?$`, 'im'));
  } else {
    assert.notEqual(mlsd.code, 0, 'vsftpd has no MLSD');
    assert.match(serverLog(s), /"500 Unknown command\."/);
  }
}

test('vsftpd-nat and vsftpd-bounce advertise their configured PASV address and accept data from 127.0.0.1', () => {
  // The round-trip tests above forced PASV on both servers; their logs show what was advertised.
  assert.match(serverLog(fleet.servers['vsftpd-nat']), /"227 Entering Passive Mode \(10,11,12,13,\d+,\d+\)\."/);
  assert.match(serverLog(fleet.servers['vsftpd-bounce']), /"227 Entering Passive Mode \(203,0,113,7,\d+,\d+\)\."/);
});

test('active mode (EPRT/PORT) round-trips on vsftpd, proftpd and pure-ftpd (lftp: curl 7.88 active FTPS is broken)', async () => {
  for (const name of ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit'] as const) {
    const s = fleet.servers[name];
    writeServerFile(s, 'active.txt', `active ${name}\n`);
    const script = [
      'set ftp:passive-mode off', 'set ftp:ssl-force true', 'set ftp:ssl-protect-data true',
      `set ssl:ca-file ${fleet.caCertFile}`, 'set net:max-retries 1', 'set net:timeout 10',
      'cat active.txt', 'quit',
    ].join('; ');
    const result = await runTool('lftp', ['-u', `${s.user},${s.password}`, '-e', script, `ftp://127.0.0.1:${s.port}`]);
    assert.equal(result.code, 0, `${name}: ${result.stderr}`);
    assert.equal(result.stdout, `active ${name}\n`);
    if (s.logFile) assert.match(serverLog(s), /"(PORT|EPRT) [^"]*"/);
  }
});

test('servers that require TLS refuse a plain-text login', async () => {
  const expected: [ServerName, number, RegExp | null][] = [
    ['vsftpd-explicit', 67, /"530 Non-anonymous sessions must use encryption\."/],
    ['proftpd-explicit', 67, /"USER [^"]*" 550 /],
    // pure-ftpd answers USER with 421 and waits; curl reports that as a timeout (28).
    ['pureftpd-explicit', 28, null],
    ['pyftpdlib-iis', 67, /-> 534 Policy requires SSL\./],
    ['pyftpdlib-explicit', 67, /-> 550 SSL\/TLS required on the control channel\./],
  ];
  for (const [name, code, logLine] of expected) {
    const s = fleet.servers[name];
    const result = await runTool('curl', ['-sS', '--max-time', '30', '-u', `${s.user}:${s.password}`, `ftp://127.0.0.1:${s.port}/`]);
    assert.equal(result.code, code, `${name}: ${result.stderr}`);
    if (logLine) assert.match(serverLog(s), logLine);
  }
});

// -------------------------------------------------------------------------------------------------
// A minimal FTP control connection, to look at certificates and TLS session reuse directly.

class Control {
  private buffer = '';
  private readonly replies: string[] = [];
  private waiter: ((reply: string | Error) => void) | null = null;
  private failure: Error | null = null;
  socket: Socket;

  constructor(socket: Socket) {
    this.socket = socket;
    this.attach(socket);
  }

  private attach(socket: Socket): void {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.onData(chunk));
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => this.fail(new Error('control connection closed')));
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    // One reply: "ddd text" or "ddd-first line ... ddd last line".
    for (let m; (m = /^(\d{3})(?: [^\r\n]*\r\n|-[\s\S]*?\r\n\1 [^\r\n]*\r\n)/.exec(this.buffer)); ) {
      this.buffer = this.buffer.slice(m[0].length);
      this.push(m[0].trimEnd());
    }
  }

  private push(reply: string): void {
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(reply);
    } else {
      this.replies.push(reply);
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(err);
    }
  }

  next(): Promise<string> {
    const queued = this.replies.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiter = (r) => (r instanceof Error ? reject(r) : resolve(r));
    });
  }

  async send(command: string): Promise<string> {
    this.socket.write(`${command}\r\n`);
    return this.next();
  }

  /** AUTH TLS done: from now on the control connection is the TLS socket. */
  upgrade(tls: TLSSocket): void {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('close');
    this.socket = tls;
    this.attach(tls);
  }

  close(): void {
    this.socket.destroy();
  }
}

interface TlsOptions { ca?: string; rejectUnauthorized?: boolean; }

function secureConnect(options: { socket?: Socket; port?: number; session?: Buffer } & TlsOptions): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const tls = tlsConnect({
      host: '127.0.0.1', ...options, rejectUnauthorized: options.rejectUnauthorized ?? false,
    }, () => resolve(tls));
    tls.once('error', reject);
  });
}

/** Opens a control connection to `s` and secures it (AUTH TLS, or implicit). Does not log in. */
async function openSecure(s: ServerInfo, tlsOptions: TlsOptions): Promise<{ control: Control; tls: TLSSocket; sessions: Buffer[] }> {
  const sessions: Buffer[] = [];
  let tls: TLSSocket;
  let control: Control;
  if (s.mode === 'implicit') {
    tls = await secureConnect({ port: s.port, ...tlsOptions });
    tls.on('session', (session: Buffer) => sessions.push(session));
    control = new Control(tls);
    assert.match(await control.next(), /^220/);
  } else {
    const plain = netConnect({ host: '127.0.0.1', port: s.port });
    control = new Control(plain);
    assert.match(await control.next(), /^220/);
    assert.match(await control.send('AUTH TLS'), /^234/);
    tls = await secureConnect({ socket: plain, ...tlsOptions });
    tls.on('session', (session: Buffer) => sessions.push(session));
    control.upgrade(tls);
  }
  return { control, tls, sessions };
}

async function peer(s: ServerInfo, ca: string): Promise<{ authorized: boolean; error: string | null; cert: PeerCertificate }> {
  const { control, tls } = await openSecure(s, { ca });
  const cert = tls.getPeerCertificate();
  const result = { authorized: tls.authorized, error: tls.authorizationError ? String(tls.authorizationError) : null, cert };
  control.close();
  return result;
}

test('every TLS server presents the certificate whose fingerprint the fleet reports, signed by the fleet CA', async () => {
  for (const s of Object.values(fleet.servers)) {
    if (s.mode === 'plain') continue;
    const { authorized, error, cert } = await peer(s, fleet.caCertPem);
    assert.equal(cert.fingerprint256, s.certFingerprintSha256, s.name);
    if (s.name === 'vsftpd-wronghost' || s.name === 'vsftpd-expired') continue;
    assert.equal(error, null, `${s.name}: ${error}`);
    assert.equal(authorized, true, s.name);
    assert.match(cert.subjectaltname ?? '', /IP Address:127\.0\.0\.1/);
    assert.match(cert.subjectaltname ?? '', /DNS:localhost/);
  }
});

test('vsftpd-wronghost presents a CA-signed certificate valid only for wrong.example', async () => {
  const { authorized, error, cert } = await peer(fleet.servers['vsftpd-wronghost'], fleet.caCertPem);
  assert.equal(authorized, false);
  assert.equal(error, 'ERR_TLS_CERT_ALTNAME_INVALID');
  assert.equal(cert.subjectaltname, 'DNS:wrong.example');
  assert.equal(checkServerIdentity('wrong.example', cert), undefined, 'the chain is fine: only the name is wrong');
  assert.ok(new Date(cert.valid_to).getTime() > Date.now());
});

test('vsftpd-expired presents a CA-signed certificate for 127.0.0.1 that has expired', async () => {
  const { authorized, error, cert } = await peer(fleet.servers['vsftpd-expired'], fleet.caCertPem);
  assert.equal(authorized, false);
  assert.equal(error, 'CERT_HAS_EXPIRED');
  assert.ok(new Date(cert.valid_to).getTime() < Date.now(), cert.valid_to);
  assert.equal(checkServerIdentity('127.0.0.1', cert), undefined, 'only the date is wrong');
});

test('the other CA does not verify the fleet servers', async () => {
  const { authorized, error } = await peer(fleet.servers['vsftpd-explicit'], fleet.otherCaCertPem);
  assert.equal(authorized, false);
  assert.equal(error, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  const otherCa = join(local, 'other-ca.pem');
  writeFileSync(otherCa, fleet.otherCaCertPem);
  const s = fleet.servers['vsftpd-explicit'];
  const result = await runTool('curl', ['-sS', '--max-time', '30', '--ssl-reqd', '--cacert', otherCa, '-u', `${s.user}:${s.password}`, `ftp://127.0.0.1:${s.port}/`]);
  assert.equal(result.code, 60, result.stderr);
});

/** Lists "/" over a protected data connection, resuming the control session or not. Returns the final reply. */
async function listWithReuse(s: ServerInfo, reuse: boolean): Promise<{ reply: string; data: string }> {
  const { control, tls, sessions } = await openSecure(s, { ca: fleet.caCertPem, rejectUnauthorized: false });
  try {
    assert.match(await control.send(`USER ${s.user}`), /^331/);
    assert.match(await control.send(`PASS ${s.password}`), /^230/);
    assert.match(await control.send('PBSZ 0'), /^200/);
    assert.match(await control.send('PROT P'), /^200/);
    const epsv = await control.send('EPSV');
    const port = Number(/\(\|\|\|(\d+)\|\)/.exec(epsv)?.[1]);
    assert.ok(port > 0, epsv);
    // TLS 1.3 sends its tickets after the handshake; by now (after login) the client has them.
    const session = sessions.at(-1) ?? tls.getSession();
    const plain = netConnect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => plain.once('connect', () => resolve()).once('error', reject));
    // TLS on the data connection after the 1xx reply, as FileZilla and lftp do: pyftpdlib closes a data
    // connection that speaks before its command arrived.
    let reply = await control.send('LIST');
    let data = '';
    const dataDone = secureConnect({ socket: plain, rejectUnauthorized: false, ...(reuse && session ? { session } : {}) })
      .then((d) => new Promise<void>((resolve) => {
        d.setEncoding('utf8');
        d.on('data', (c: string) => (data += c));
        d.on('error', () => resolve());
        d.on('close', () => resolve());
      }))
      .catch(() => undefined);
    while (/^1/.test(reply)) reply = await control.next();
    plain.destroy();
    await dataDone;
    return { reply, data };
  } finally {
    control.close();
  }
}

test('TLS data connections must resume the control session exactly where requiresTlsSessionReuse says', async () => {
  for (const s of Object.values(fleet.servers)) {
    if (s.mode === 'plain') continue;
    writeServerFile(s, 'reuse-probe.txt', 'x');
    const resumed = await listWithReuse(s, true);
    assert.match(resumed.reply, /^226/, `${s.name} with session reuse: ${resumed.reply}`);
    assert.match(resumed.data, /reuse-probe\.txt/);
    const fresh = await listWithReuse(s, false);
    if (s.requiresTlsSessionReuse) {
      assert.match(fresh.reply, /^(4|5)\d\d/, `${s.name} accepted a data connection without session reuse: ${fresh.reply}`);
      assert.doesNotMatch(fresh.data, /reuse-probe\.txt/);
    } else {
      assert.match(fresh.reply, /^226/, `${s.name} without session reuse: ${fresh.reply}`);
    }
  }
});
