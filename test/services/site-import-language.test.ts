/**
 * The import preview and the FileZilla export speak the user's language: realistic files of each format
 * (the fixtures the importer tests read), chosen in the (headless) dialogs of the services the app runs,
 * with the UI language set to German. What maps, what is skipped and why, the XML reader's problem and the
 * export's notes come out in German; the same preview in English afterwards is word for word as before.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { setUiLocale, uiLocale } from '../../common/i18n/t';
import type { SiteImportSummary } from '../../common/models/site-profile';
import { HeadlessPlatform } from '../../main/services/platform';
import { createWharfServices, type WharfServices } from '../../main/services/wharf-services';
import { NO_KEYCHAIN, value } from './support';

const fixtures = fileURLToPath(new URL('../sites/fixtures/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'wharf-import-language-'));
const platform = new HeadlessPlatform();
let services: WharfServices;
const localeBefore = uiLocale();

before(async () => {
  services = await createWharfServices({ dataDir: join(work, 'data'), home: work, platform, app: { name: 'Wharf', version: 'test' }, credentials: NO_KEYCHAIN });
  setUiLocale('de');
});

after(async () => {
  setUiLocale(localeBefore);
  await services.dispose();
  rmSync(work, { recursive: true, force: true });
});

/** Skips and notes as "folder/name: text", as the preview lists them. */
function lines(summary: SiteImportSummary): { skipped: string[]; notes: string[] } {
  return {
    skipped: summary.skipped.map((s) => `${[...s.folderPath, s.name].join('/')}: ${s.reason}`),
    notes: summary.notes.map((n) => `${[...n.folderPath, n.name].join('/')}: ${n.note}`),
  };
}

async function previewFile(path: string): Promise<SiteImportSummary> {
  platform.answerNextOpenFile(path);
  const preview = value(await services.api.sitesImportPreview({ format: 'auto' }));
  assert.ok(preview);
  return preview.summary;
}

describe('the import preview in German', () => {
  test("WinSCP.ini: skipped protocols, a missing host, a workspace tab, and each site's notes", async () => {
    const { skipped, notes } = lines(await previewFile(join(fixtures, 'winscp-6.3-WinSCP.ini')));
    assert.ok(skipped.includes('Work/Bucket: Server mit Amazon S3 werden nicht unterstützt: Wharf spricht nur FTP und FTPS.'), skipped.join('\n'));
    assert.ok(skipped.includes('Work/No host: Der Server hat keinen Host.'), skipped.join('\n'));
    assert.ok(skipped.includes('My workspace/0000: Dies ist ein Tab eines gespeicherten WinSCP-Arbeitsbereichs, kein Server.'), skipped.join('\n'));
    assert.ok(notes.includes('Plain mirror: Dieser Server verwendet einfaches FTP: Passwort und Dateien werden unverschlüsselt übertragen.'), notes.join('\n'));
    assert.ok(notes.includes('Legacy SSL: WinSCP hat hier TLS 1.0 oder 1.1 erlaubt; Wharf verlangt mindestens TLS 1.2.'), notes.join('\n'));
    assert.ok(notes.includes('Mainframe: Das TLS-Client-Zertifikat dieses Servers wurde nicht importiert; fügen Sie es im Servermanager hinzu.'), notes.join('\n'));
    assert.ok(notes.some((n) => n.startsWith('Work/Client A/Old archive: WinSCP hat hier die Windows-ANSI-Codepage für Dateinamen verwendet')), notes.join('\n'));
    assert.ok(![...skipped, ...notes].some((line) => /not supported|not imported|plain FTP/.test(line)), 'no English is left');
  });

  test("FileZilla's sitemanager.xml: SFTP skipped, logon types, the connection limit and an unknown charset explained", async () => {
    const { skipped, notes } = lines(await previewFile(join(fixtures, 'filezilla-3.66-sitemanager.xml')));
    assert.ok(skipped.includes('Work/Shell box: Server mit SFTP (SSH) werden nicht unterstützt: Wharf spricht nur FTP und FTPS.'), skipped.join('\n'));
    assert.ok(notes.includes('Work/Kiosk (interactive): Die interaktive Anmeldung wird zu „beim Verbinden nach dem Passwort fragen“.'), notes.join('\n'));
    assert.ok(
      notes.includes('Work/Vault (master password): Das Passwort ist durch das Master-Passwort von FileZilla geschützt und kann nicht gelesen werden; geben Sie es beim ersten Verbinden ein.'),
      notes.join('\n'),
    );
    assert.ok(notes.includes('Work/Clients/ACME - Partners: Der Verzeichnisname wurde angepasst: „/“ und Steuerzeichen sind in Namen nicht erlaubt.'), notes.join('\n'));
    assert.ok(notes.includes('Work/Clients/ACME - Partners/ACME mirror: Höchstens 10 Verbindungen pro Server: Die Grenze von 25 wurde zu 10.'), notes.join('\n'));
    assert.ok(notes.includes('Work/Clients/Europe/Windows IIS: Der Zeichensatz „x-unknown-charset“ ist unbekannt; UTF-8 wird verwendet.'), notes.join('\n'));
  });

  test('a folder of Cyberduck bookmarks: a broken file with the XML problem in German, other protocols, a client certificate', async () => {
    platform.answerNextFolder(join(fixtures, 'cyberduck-bookmarks'));
    const preview = value(await services.api.sitesImportPreview({ format: 'cyberduck-folder' }));
    assert.ok(preview);
    const { skipped, notes } = lines(preview.summary);
    assert.ok(
      skipped.includes('broken.duck: Kein Cyberduck-Lesezeichen: Die Datei ist kein gültiges XML: Text außerhalb des Wurzelelements (Zeile 1, Spalte 1).'),
      skipped.join('\n'),
    );
    assert.ok(skipped.includes('Europa/Intranet DAV: Lesezeichen für WebDAV (HTTPS) werden nicht unterstützt: Wharf spricht nur FTP und FTPS.'), skipped.join('\n'));
    assert.ok(
      notes.includes('Clients/ACME/ACME deploy: Das TLS-Client-Zertifikat dieses Lesezeichens wurde nicht importiert; fügen Sie es im Servermanager hinzu.'),
      notes.join('\n'),
    );
    assert.ok(notes.some((n) => /^Europa\/Spiegel & Archiv <öffentlich>: Die Zeitzone Europe\/Berlin des Servers wechselt mit der Sommerzeit/.test(n)), notes.join('\n'));
  });

  test('a file with a document type declaration is refused with the problem in German', async () => {
    const result = await services.api.sitesImportPreview({ format: 'filezilla', text: readFileSync(join(fixtures, 'hostile-doctype.xml'), 'utf8') });
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.error.kind === 'invalid-input');
    assert.match(!result.ok ? result.error.message : '', /^Die Datei ist kein gültiges XML: eine Dokumenttyp-Deklaration, die Wharf in importierten Dateien nicht annimmt \(Zeile \d+, Spalte \d+\)\.$/);
  });

  test("Wharf's own export: a password added by hand is ignored, said in German", async () => {
    const text = JSON.stringify({ format: 'wharf-sites', schemaVersion: 1, folders: [], sites: [{ name: 'Berlin', host: 'ftp.example.de', password: 'added by hand' }] });
    const preview = value(await services.api.sitesImportPreview({ format: 'wharf-json', text }));
    assert.ok(preview);
    assert.deepEqual(lines(preview.summary).notes, ['Berlin: Ein Passwort in der Exportdatei wurde ignoriert: Wharf bewahrt Passwörter nur im Schlüsselbund auf.']);
  });

  test("Wharf's own export with wrongly typed fields: each skip reason in German, none of zod's English", async () => {
    const text = JSON.stringify({
      format: 'wharf-sites', schemaVersion: 1, folders: [],
      sites: [
        { name: 'Typed', host: 'ftp.example.de', port: '21' },
        { name: 'Nohost', port: 21 },
        { name: 'Mode', host: 'ftp.example.de', dataMode: 'fast' },
        { name: 'Port', host: 'ftp.example.de', port: 70000 },
        { name: 'Both', port: 21.5 },
      ],
    });
    const preview = value(await services.api.sitesImportPreview({ format: 'wharf-json', text }));
    assert.ok(preview);
    assert.deepEqual(lines(preview.summary).skipped, [
      'Typed: port: Erwartet: eine Zahl, gefunden: Text.',
      'Nohost: host: Dieses Feld ist erforderlich.',
      'Mode: dataMode: Einer der Werte: "passive", "active".',
      'Port: port: Höchstens 65535.',
      'Both: host: Dieses Feld ist erforderlich. port: Erwartet wird eine ganze Zahl.',
    ]);
    assert.doesNotMatch(lines(preview.summary).skipped.join('\n'), /Invalid|expected|received|Too big|option/);
  });

  test('the FileZilla export names in German what FileZilla cannot hold', async () => {
    value(await services.api.sitesCreate({ site: { name: 'Strict', host: 'ftp.example.de', user: 'anna', passwordStorage: 'ask', minTlsVersion: 'TLSv1.3', remoteDir: 'incoming' } }));
    const exported = value(await services.api.sitesExport({ saveWithDialog: false, format: 'filezilla' }));
    assert.deepEqual(
      exported.notes.map((n) => `${n.name}: ${n.note}`),
      [
        'Strict: FileZilla braucht ein absolutes Verzeichnis auf dem Server; „incoming“ wurde weggelassen.',
        'Strict: FileZilla kennt keine TLS-Mindestversion pro Server; dieser Server verlangte TLS 1.3.',
      ],
    );
  });

  test('back in English, the same file previews with the English notes', async () => {
    setUiLocale('en');
    try {
      const { skipped, notes } = lines(await previewFile(join(fixtures, 'filezilla-3.66-sitemanager.xml')));
      assert.ok(skipped.includes('Work/Shell box: SFTP (SSH) sites are not supported: Wharf speaks FTP and FTPS only.'), skipped.join('\n'));
      assert.ok(notes.includes('Work/Clients/ACME - Partners/ACME mirror: At most 10 connections per site: the limit of 25 became 10.'), notes.join('\n'));
    } finally {
      setUiLocale('de');
    }
  });
});
