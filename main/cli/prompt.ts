import { createInterface } from 'node:readline';

/** Asks a question on the terminal; with `hidden`, typed characters are not echoed (passwords). */
export function ask(question: string, options: { hidden?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const output = process.stderr;
    const rl = createInterface({ input: process.stdin, output, terminal: true });
    if (options.hidden) {
      // readline echoes through _writeToOutput; muting it after the question hides the password.
      const internals = rl as unknown as { _writeToOutput: (text: string) => void };
      const original = internals._writeToOutput.bind(rl);
      let questionShown = false;
      internals._writeToOutput = (text: string) => {
        if (!questionShown) {
          questionShown = true;
          original(text);
        } else if (text.includes('\n') || text.includes('\r')) {
          original('\n');
        }
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
    rl.on('SIGINT', () => {
      rl.close();
      reject(new Error('cancelled'));
    });
  });
}
