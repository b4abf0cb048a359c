/**
 * The connection layer's and the transfer queue's words follow the chosen language, from the real places that
 * say them: a server's unsafe name refused by safe-names, a download whose folder is a file and a download
 * skipped by the overwrite rule, both through the real queue against a real fleet server, and a real tinyproxy
 * refusing CONNECT to a port its rules do not allow; a certificate from an authority this computer does not trust and
 * a client certificate file that is not there. Names, paths and the proxy's status line stay as they are.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { setUiLocale } from '../../common/i18n/t';
import type { TransferItem } from '../../common/models/transfer';
import { isWharfError } from '../../main/core/errors';
import { loadClientCertificate } from '../../main/ftps/client-certificate';
import { proxyDialer } from '../../main/ftps/proxy';
import { safeLocalPath } from '../../main/ftps/safe-names';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { useFleet, writeServerFile, type ServerName } from '../servers/fleet';
import { createNetworkNamespace, type NetworkNamespace } from '../servers/network-namespace';
import { startTinyproxy, type TestProxy } from '../servers/proxies';
import { openSession } from '../ftps/support';

const fleet = await useFleet();
const SERVER: ServerName = 'vsftpd-explicit';
const work = mkdtempSync(join(tmpdir(), 'wharf-connection-queue-texts-'));
let counter = 0;

after(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => setUiLocale('en'));

/** A queue on the fleet's vsftpd; `skip` leaves an existing target alone. */
function openQueue(): Promise<TransferQueue> {
  return TransferQueue.open({
    openSession: async () => (await openSession(fleet, fleet.servers[SERVER])).session,
    stateFile: null,
    defaultOverwrite: 'skip',
    retry: { baseDelayMs: 20, maxDelayMs: 50 },
  });
}

async function settled(queue: TransferQueue): Promise<readonly TransferItem[]> {
  try {
    await queue.whenSettled();
    return queue.getSnapshot().items;
  } finally {
    await queue.stop();
  }
}

/** A file on the server, and a fresh chosen folder here. */
function fixture(content: string): { remotePath: string; chosen: string } {
  const name = `texts-${process.pid}-${++counter}.txt`;
  writeServerFile(fleet.servers[SERVER], name, content);
  const chosen = join(work, `chosen-${counter}`);
  mkdirSync(chosen);
  return { remotePath: `/${name}`, chosen };
}

describe('connection and queue texts in German', () => {
  it('refuses an unsafe server name with a German reason', () => {
    setUiLocale('de');
    assert.throws(
      () => safeLocalPath(work, ['..']),
      (err: unknown) => isWharfError(err, 'unsafe-name') && err.message === '„..“ übersprungen: Der Name ist „.“ oder „..“.',
    );
    assert.throws(
      () => safeLocalPath(work, ['CON.txt']),
      (err: unknown) => isWharfError(err, 'unsafe-name') && err.message === '„CON.txt“ übersprungen: Der Name ist ein reservierter Windows-Gerätename.',
    );
  });

  it('fails a download whose folder is a file, and skips an existing target, in German through the real queue', async () => {
    setUiLocale('de');
    const blocked = fixture('blocked by a file where a folder should be');
    writeFileSync(join(blocked.chosen, 'sub'), 'a file, not a folder');
    const kept = fixture('the server copy');
    writeFileSync(join(kept.chosen, 'kept.txt'), 'already here');
    const queue = await openQueue();
    await queue.add({ direction: 'download', siteKey: SERVER, kind: 'file', remotePath: blocked.remotePath, localPath: join(blocked.chosen, 'sub', 'file.txt'), localRoot: blocked.chosen });
    await queue.add({ direction: 'download', siteKey: SERVER, kind: 'file', remotePath: kept.remotePath, localPath: join(kept.chosen, 'kept.txt') });
    const refused = await queue.add({ direction: 'download', siteKey: SERVER, kind: 'file', localFolder: kept.chosen, remoteFolder: '/', name: '../escape.txt' });
    const items = await settled(queue);

    const failed = items.find((i) => i.remotePath === blocked.remotePath);
    assert.equal(failed?.state, 'failed');
    assert.equal(failed?.lastError?.message, `${join(blocked.chosen, 'sub')} ist eine Datei, kein Verzeichnis: sub/file.txt kann nicht darin geschrieben werden.`);
    const skipped = items.find((i) => i.remotePath === kept.remotePath);
    assert.equal(skipped?.state, 'skipped');
    assert.equal(skipped?.skipReason, 'das Ziel existiert');
    assert.equal(refused.skipped[0]?.reason, `Der Server hat diese Datei „../escape.txt“ genannt; sie würde außerhalb von ${basename(kept.chosen)} geschrieben; übersprungen.`);
  });

  it('explains an untrusted server certificate and a missing client certificate file in German', async () => {
    setUiLocale('de');
    // Without the fleet's CA this computer trusts no authority of the server's certificate; nobody accepts it.
    await assert.rejects(openSession(fleet, fleet.servers[SERVER], { extraCaPem: [] }), (err: unknown) => {
      assert.ok(isWharfError(err, 'tls-untrusted'), String(err));
      assert.match(err.message, /Das Zertifikat wurde von einer unbekannten Zertifizierungsstelle \(.+\) ausgestellt, der dieser Computer nicht vertraut\./);
      return true;
    });
    const missing = join(work, 'no-such-client.pem');
    await assert.rejects(loadClientCertificate({ certPath: missing, keyPath: '' }), (err: unknown) => {
      assert.ok(isWharfError(err, 'local-io'), String(err));
      assert.equal(err.message, `Die Client-Zertifikatsdatei ${missing} kann nicht gelesen werden (ENOENT). Wählen Sie die Datei in der Client-Zertifikat-Einstellung des Servers erneut.`);
      return true;
    });
  });

  describe('through a real HTTP CONNECT proxy', () => {
    let network: NetworkNamespace;
    let proxy: TestProxy;

    before(async () => {
      network = await createNetworkNamespace();
      // tinyproxy refuses CONNECT to any port but this one.
      proxy = await startTinyproxy(network, 8895, { connectPorts: [2121] });
    });

    after(async () => {
      await proxy.stop();
    });

    it('says in German that the proxy refused CONNECT, keeping its status line', async () => {
      setUiLocale('de');
      const dial = proxyDialer({ kind: 'http', host: proxy.host, port: proxy.port, user: '', password: '', source: 'test' });
      const where = `http://${proxy.host}:${String(proxy.port)}`;
      await assert.rejects(dial(network.innerAddress, 21, 10_000), (err: unknown) => {
        assert.ok(isWharfError(err, 'refused'), String(err));
        assert.match(err.message, new RegExp(`^Der HTTP-Proxy ${where.replace(/\./g, '\\.')} hat CONNECT zu ${network.innerAddress.replace(/\./g, '\\.')}:21 abgelehnt: 403 .*\\. Seine Regeln erlauben diesen Server oder Port möglicherweise nicht\\.$`));
        return true;
      });
    });
  });
});
