/** Certificates (openssl CLI): the CAs, the server's good, wrong-host and expired leaves, the client certificate. */
import { X509Certificate, randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CertKind, type ClientCertInfo } from './specs';
import { run } from './shell';

interface CertFiles { cert: string; key: string; }
export interface Certs { caCertFile: string; otherCaCertFile: string; leaves: Record<CertKind, CertFiles>; }

/** `extraAddresses`: more IP addresses the server certificate names (the bench's WAN proxy listens on 127.0.0.2). */
const opensslConfig = (extraAddresses: readonly string[]) => `
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[server_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,${extraAddresses.map((a) => `IP:${a},`).join('')}DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid,issuer
[client_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid,issuer
[wronghost_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:wrong.example
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid,issuer
[ca]
default_ca = wharf_ca
[wharf_ca]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
[policy_any]
commonName = supplied
`;

async function makeCa(dir: string, name: string, cn: string): Promise<string> {
  await run('openssl', [
    'req', '-x509', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${cn}`,
    '-config', 'openssl.cnf', '-extensions', 'ca_ext',
  ], { cwd: dir });
  return join(dir, `${name}.pem`);
}

async function makeLeafRequest(dir: string, name: string, cn: string): Promise<void> {
  // RSA on purpose: Debian's vsftpd allows only ECDHE-RSA-AES256-GCM-SHA384 for TLS 1.2.
  await run('openssl', [
    'req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`,
    '-subj', `/CN=${cn}`, '-config', 'openssl.cnf',
  ], { cwd: dir });
}

async function signLeaf(dir: string, name: string, extensions: string): Promise<void> {
  await run('openssl', [
    'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', `0x${randomInt(1, 2 ** 47).toString(16)}`,
    '-days', '30', '-sha256', '-extfile', 'openssl.cnf', '-extensions', extensions, '-out', `${name}.pem`,
  ], { cwd: dir });
}

/** OpenSSL 3.0's `x509` cannot backdate (no -not_after before 3.4), so the expired one goes through `openssl ca`. */
async function signExpired(dir: string, name: string): Promise<void> {
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), `${randomInt(1, 2 ** 47).toString(16).padStart(12, '0')}\n`);
  await run('openssl', [
    'ca', '-batch', '-config', 'openssl.cnf', '-notext', '-in', `${name}.csr`, '-out', `${name}.pem`,
    '-cert', 'ca.pem', '-keyfile', 'ca.key', '-startdate', '20200101000000Z', '-enddate', '20200201000000Z',
    '-extfile', 'openssl.cnf', '-extensions', 'server_ext',
  ], { cwd: dir });
}

export async function makeCerts(dir: string, kinds: Set<CertKind>, extraAddresses: readonly string[]): Promise<Certs> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'openssl.cnf'), opensslConfig(extraAddresses));
  const stamp = new Date().toISOString();
  const [caCertFile, otherCaCertFile] = await Promise.all([
    makeCa(dir, 'ca', `Wharf Test CA ${stamp}`),
    makeCa(dir, 'other-ca', `Wharf Unrelated CA ${stamp}`),
    ...[...kinds].map((kind) => makeLeafRequest(dir, kind, kind === 'wronghost' ? 'wrong.example' : '127.0.0.1')),
  ]);
  await Promise.all([
    kinds.has('server') ? signLeaf(dir, 'server', 'server_ext') : null,
    kinds.has('wronghost') ? signLeaf(dir, 'wronghost', 'wronghost_ext') : null,
    kinds.has('expired') ? signExpired(dir, 'expired') : null,
  ]);
  await makeClientCert(dir);
  const leaf = (kind: CertKind): CertFiles => ({ cert: join(dir, `${kind}.pem`), key: join(dir, `${kind}.key`) });
  return {
    caCertFile: caCertFile as string,
    otherCaCertFile: otherCaCertFile as string,
    leaves: { server: leaf('server'), wronghost: leaf('wronghost'), expired: leaf('expired') },
  };
}

/** Not a secret: the test CA signs nothing outside this run. */
const CLIENT_PKCS12_PASSPHRASE = 'wharf-client-p12';

/** The client certificate of ClientCertInfo, signed by the fleet CA once it exists. */
async function makeClientCert(dir: string): Promise<void> {
  await makeLeafRequest(dir, 'client', 'wharf-test-client');
  await signLeaf(dir, 'client', 'client_ext');
  await run('openssl', [
    'pkcs12', '-export', '-in', 'client.pem', '-inkey', 'client.key', '-name', 'wharf-test-client',
    '-passout', `pass:${CLIENT_PKCS12_PASSPHRASE}`, '-out', 'client.p12',
  ], { cwd: dir });
}

export function clientCertInfo(dir: string): ClientCertInfo {
  return { certFile: join(dir, 'client.pem'), keyFile: join(dir, 'client.key'), pkcs12File: join(dir, 'client.p12'), pkcs12Passphrase: CLIENT_PKCS12_PASSPHRASE };
}

export function fingerprintOf(certFile: string): string {
  return new X509Certificate(readFileSync(certFile)).fingerprint256;
}
