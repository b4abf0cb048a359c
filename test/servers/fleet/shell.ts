/** Small process helpers: run a command, read the end of a log. */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

interface RunResult { stdout: string; stderr: string; }

export function run(cmd: string, args: string[], options: { input?: string; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(cmd, args, { cwd: options.cwd, maxBuffer: 4 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message.trim()}\n${stderr}`.trim()));
      } else {
        resolvePromise({ stdout, stderr });
      }
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

export function tail(file: string, lines = 25): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8').trimEnd();
  return text.split('\n').slice(-lines).join('\n');
}
