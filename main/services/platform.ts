/**
 * What the services need from the desktop: native dialogs, the shell, the clipboard and OS drags. main/app
 * implements it with Electron; the bridge host and tests use `HeadlessPlatform`, whose dialogs answer what
 * a test scripted. Keeping this an interface is what lets the very same services run without Electron.
 */
export interface PlatformPort {
  /** 'electron' in the app, 'bridge' in the end-to-end host. */
  readonly host: 'electron' | 'bridge';
  /** Native folder picker; null when cancelled. */
  chooseFolder(options: { readonly title?: string; readonly defaultPath?: string }): Promise<string | null>;
  /** Native open-file picker; null when cancelled. */
  chooseOpenFile(options: { readonly title: string; readonly extensions: readonly string[] }): Promise<string | null>;
  /** Native save-file picker; null when cancelled. */
  chooseSaveFile(options: { readonly title: string; readonly suggestedName: string }): Promise<string | null>;
  /** Opens a file with its default application; throws `local-io` if the OS could not. */
  openPath(path: string): Promise<void>;
  /** Shows a path in the OS file manager. */
  revealPath(path: string): void;
  /** Opens an https URL in the browser (callers have checked the scheme; implementations check again). */
  openExternal(url: string): Promise<void>;
  /** Puts text on the clipboard. */
  clipboardWriteText(text: string): void;
  /** Starts an OS drag of existing local files from the app window. */
  startDrag(files: readonly string[]): void;
  /** Moves a path to the OS trash; absent where there is none. */
  readonly trash?: (path: string) => Promise<void>;
}

/** Everything a HeadlessPlatform was asked to do, for assertions. */
export interface HeadlessRecord {
  readonly opened: string[];
  readonly revealed: string[];
  readonly external: string[];
  readonly clipboard: string[];
  readonly drags: (readonly string[])[];
}

/**
 * A platform without a desktop: dialogs answer from queues a test fills (`answerNextFolder`, ...; an
 * empty queue means "cancelled"), everything else is recorded. Used by the bridge host and service tests.
 */
export class HeadlessPlatform implements PlatformPort {
  readonly host = 'bridge' as const;
  readonly record: HeadlessRecord = { opened: [], revealed: [], external: [], clipboard: [], drags: [] };
  private readonly folders: (string | null)[] = [];
  private readonly openFiles: (string | null)[] = [];
  private readonly saveFiles: (string | null)[] = [];

  /** The next folder dialog answers this (null = cancelled). */
  answerNextFolder(path: string | null): void {
    this.folders.push(path);
  }

  /** The next open-file dialog answers this. */
  answerNextOpenFile(path: string | null): void {
    this.openFiles.push(path);
  }

  /** The next save dialog answers this. */
  answerNextSaveFile(path: string | null): void {
    this.saveFiles.push(path);
  }

  async chooseFolder(): Promise<string | null> {
    return this.folders.shift() ?? null;
  }

  async chooseOpenFile(): Promise<string | null> {
    return this.openFiles.shift() ?? null;
  }

  async chooseSaveFile(): Promise<string | null> {
    return this.saveFiles.shift() ?? null;
  }

  async openPath(path: string): Promise<void> {
    this.record.opened.push(path);
  }

  revealPath(path: string): void {
    this.record.revealed.push(path);
  }

  async openExternal(url: string): Promise<void> {
    this.record.external.push(url);
  }

  clipboardWriteText(text: string): void {
    this.record.clipboard.push(text);
  }

  startDrag(files: readonly string[]): void {
    this.record.drags.push([...files]);
  }
}
