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
import { parseFlags } from './flags';
import { exitOnSignals, exitWith, processCliIo, warnOn } from './io';
import { ask } from './terminal';
import { mainUsage } from './usage';

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
      io.out(mainUsage());
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
      // A plain-FTP get sends its login first and loads the engine while the server checks the password. Its chunk
      // is not even loaded for anything else (FTPS, a saved site): early-login.ts makes the full check.
      const plainGet = command === 'get' && flags.allowPlain && /^ftp:\/\//i.test(positionals[0] ?? '');
      const early = plainGet ? await (await import('./early-login')).earlyLoginFor(command, positionals, flags, process.env) : null;
      const { runFileCommand } = await import('./commands/files');
      if (await runFileCommand(command, positionals, flags, early)) return 0;
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
