/*
 * The `wharf` command line: maps argv to a command and its exit code. Each command's module is loaded
 * when it runs (a dynamic import, a chunk of its own in the bundle), so a `get` does not load the
 * doctor, sync or the site importers, and `--help`, `--version` and `site` load no engine: this file
 * imports nothing that connects (test/packaging/cli-chunks.test.ts checks the built entry).
 */
import { version as wharfVersion } from '../../package.json';
import { localeFromEnvironment } from '../../common/i18n/locale';
import { setUiLocale, t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';
import { reportCliFailure } from './exit-codes';
import { recursionLimitUsage } from './recursion-limit';
import { parseFlags } from './flags';
import { exitOnSignals, exitWith, processCliIo, warnOn } from './io';
import { ask } from './terminal';
import { CONNECTIVITY_USAGE, SITE_FILE_USAGE } from './usage';

const USAGE = `Usage: wharf <command> [options]

Commands:
  ls URL                 list a remote folder
  get URL LOCAL [-r]     download a file (or a folder with -r)
  put LOCAL URL [-r]     upload a file (or a folder with -r)
  rm URL [-r]            delete a remote file (or a folder with -r)
  mkdir URL [-p]         create a remote folder (and its parents with -p)
  info URL               connect and print the security report
  doctor URL             test a connection step by step; explain what fails and how to fix it
  sync LOCAL URL --direction up|down|mirror [--delete] [--dry-run]
                         compare and synchronise a folder pair (nothing is deleted without --delete)
  site ls                list saved sites (the app's site manager)
  site show NAME         one site's settings
  site add NAME --url URL [--folder F] [--ask-password] [--active] [--max-connections N]
           [--upload-in-place] [--no-keep-times] [--segments N|--no-segments] [--allow-clear-data] [--charset NAME] [--timezone-offset MIN]
                         save a site; its password (WHARF_PASSWORD or a prompt) goes to the keychain;
                         --folder is the site manager's folder the site is filed in (A/B for nested
                         ones), not a remote folder: the remote folder is the URL's path
  site edit NAME [--url URL] [--rename NEW] [--folder F] [--ask-password] [--active|--passive]
           [--upload-in-place|--upload-via-temporary-name] [--keep-times|--no-keep-times] [--keep-password]
           [--segments N|--no-segments]
           [--allow-clear-data|--require-data-protection] ...
                         a new host, port, user or protocol forgets the saved password
                         (typed for the old server) unless --keep-password or a new WHARF_PASSWORD
  site rm NAME           delete a site and its saved password
  site certs             list pinned certificates;  site uncert HOST:PORT  forgets one
${SITE_FILE_USAGE}

URLs: ftpes://user@host[:21]/path  explicit FTPS (AUTH TLS), the standard
      ftps://user@host[:990]/path  implicit FTPS (legacy)
      ftp://user@host/path         plain FTP, refused unless --allow-plain
      site:NAME/path               a saved site (its password from the keychain); a site in a
                                   folder: site:Folder%2FName/path
      The path of a URL is absolute, from the server's root, as in FileZilla and WinSCP; %-escapes are
      decoded (%20 is a space, %2F a / inside a name's folder path). An IPv6 host goes in brackets:
      ftpes://alice@[::1]:2121/. A site: path is decoded the same way but is read below the site's
      remote folder: site:box/a.txt is <site folder>/a.txt; site:box//a.txt (or site:box/%2Fa.txt)
      is /a.txt; site:box alone is the site's folder.

Options:
  --ca FILE              also trust this CA certificate (PEM)
  --fingerprint SHA256:… trust exactly this certificate (pin)
  --insecure             accept any certificate (dangerous; warns loudly)
  --allow-plain          allow plain, unencrypted FTP
${CONNECTIVITY_USAGE}
  --active               active mode (EPRT/PORT) instead of passive (refused behind a proxy)
  --allow-clear-data     go on when the server refuses to encrypt data connections (PROT P):
                         listings and files then travel unencrypted (refused by default)
  --parallel N           connections for -r transfers (default 2, at most 10)
  --segments N           get of one file: fetch it in N ranges over N connections at once (REST),
                         for long links one connection cannot fill (default 1: off; at most 10);
                         with --resume an interrupted run continues range by range;
                         site add|edit: the most ranges the app's queue fetches a big download in
                         (default 4), --no-segments: one stream per file (servers that forbid several)
  --overwrite POLICY     when the target exists: overwrite (default), newer, size-differs,
                         resume, rename, skip, or ask (on a terminal)
  --resume               same as --overwrite resume: continue partial downloads / uploads
  --in-place             put: upload straight to the final name (for servers that refuse renames);
                         by default uploads go to NAME.wharf-part and are renamed once verified,
                         or as a saved site's "Upload via a temporary name" says
  --no-keep-times        put: leave uploaded files with the server's time (no MFMT / SITE UTIME);
                         --keep-times keeps the local ones; default a saved site's "Keep modification
                         times", else keep
  -r, --recursive        folders too
${recursionLimitUsage('get -r, rm -r, sync')}
  -p, --parents          mkdir: create missing parents
  -q, --quiet            no progress bar
  --timeout SECONDS      default 30
  --charset NAME         the server's charset for names (windows-1251, shift_jis, latin1, ...);
                         default UTF-8, or a saved site's. A name it cannot write exits 7
  --timezone-offset MIN  minutes the server's LIST times are ahead of UTC (e.g. 540 for Tokyo; write
                         --timezone-offset=-300 for negative ones); default 0, or a saved site's
  -V, --version          print wharf's version

Password: the keychain for a saved site, else WHARF_PASSWORD, else a prompt on a terminal.
Exit codes: 0 ok, 2 usage, 3 login refused, 4 certificate/TLS, 5 network, 6 server reply,
            7 local files, 8 verification, 9 stopped at --max-items or --max-depth (nothing changed),
            130 cancelled, 1 anything else.`;

// The terminal's language (LC_ALL, LC_MESSAGES, LANG), before any text is made.
setUiLocale(localeFromEnvironment(process.env));

/** The command's own name, the same in every language. */
const PROGRAM_NAME = 'wharf';

const io = processCliIo();
const warn = warnOn(io);

/** Runs one command other than doctor, sync and site import/export. */
async function runCommand(argv: string[]): Promise<number> {
  const { command, positionals, flags, siteFlags } = parseFlags(argv);
  switch (command) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'version':
      // Scripts check this before relying on a flag; the app shows the same number in its About.
      io.out(`${PROGRAM_NAME} ${wharfVersion}`);
      return 0;
    case 'site': {
      const { runSiteCommand } = await import('./commands/site');
      await runSiteCommand(positionals, siteFlags, {
        out: io.out,
        warn,
        askPassword: async (question) => (io.interactive ? (await ask(question, { hidden: true })) || null : null),
      });
      return 0;
    }
    default: {
      const { runFileCommand } = await import('./commands/files');
      if (await runFileCommand(command, positionals, flags)) return 0;
      throw new WharfError('invalid-input', t('cli.unknownCommand', { command }));
    }
  }
}

/** Runs the command line; returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    // doctor and sync parse their own flags.
    if (argv[0] === 'doctor') return await (await import('./commands/doctor')).runDoctorCommand(argv.slice(1), io);
    if (argv[0] === 'sync') return await (await import('./commands/sync')).runSyncCommand(argv.slice(1), io);
    if (argv[0] === 'site' && (argv[1] === 'import' || argv[1] === 'export')) {
      await (await import('./commands/site-file')).runSiteFileCommand(argv.slice(1), { out: io.out, warn });
      return 0;
    }
    return await runCommand(argv);
  } catch (err) {
    return reportCliFailure(err, io, { argv, help: 'wharf --help' });
  }
}

exitOnSignals();
void runCli(process.argv.slice(2)).then(exitWith);
