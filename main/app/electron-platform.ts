import { t } from '../../common/i18n/t';
import { join } from 'node:path';
import { app, clipboard, dialog, nativeImage, shell, type BrowserWindow, type NativeImage } from 'electron';
import { WharfError } from '../core/errors';
import type { PlatformPort } from '../services/platform';
import { isHttpsUrl } from './security';

/** A 16x16 file glyph for OS drags (startDrag needs a non-empty icon on macOS). */
const DRAG_ICON_DATA_URL =
  'data:image/png;base64,' +
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAJUlEQVR42mNgoCYICAj4TwzGa8DXr1/x4lEDRg0YKQZQlJnI' +
  'AQDyNMhklrIiJQAAAABJRU5ErkJggg==';

/**
 * The desktop for the services, through Electron: native dialogs parented to the window, the shell (open,
 * reveal, trash, https links only), the clipboard, and OS drags from the window's webContents.
 */
export class ElectronPlatform implements PlatformPort {
  readonly host = 'electron' as const;
  private dragIcon: NativeImage | null = null;

  constructor(private readonly window: () => BrowserWindow | null) {}

  readonly trash = (path: string): Promise<void> => shell.trashItem(path);

  async chooseFolder(options: { readonly title?: string; readonly defaultPath?: string }): Promise<string | null> {
    const properties: ('openDirectory' | 'createDirectory')[] = ['openDirectory', 'createDirectory'];
    const dialogOptions = { properties, ...(options.title ? { title: options.title } : {}), ...(options.defaultPath ? { defaultPath: options.defaultPath } : {}) };
    const win = this.window();
    const result = win ? await dialog.showOpenDialog(win, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }

  async chooseOpenFile(options: { readonly title: string; readonly extensions: readonly string[] }): Promise<string | null> {
    const properties: 'openFile'[] = ['openFile'];
    const dialogOptions = { title: options.title, properties, filters: [{ name: options.extensions.join(', ').toUpperCase(), extensions: [...options.extensions] }] };
    const win = this.window();
    const result = win ? await dialog.showOpenDialog(win, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }

  async chooseSaveFile(options: { readonly title: string; readonly suggestedName: string }): Promise<string | null> {
    const dialogOptions = { title: options.title, defaultPath: join(app.getPath('documents'), options.suggestedName) };
    const win = this.window();
    const result = win ? await dialog.showSaveDialog(win, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
    return result.canceled || !result.filePath ? null : result.filePath;
  }

  async openPath(path: string): Promise<void> {
    const failure = await shell.openPath(path);
    if (failure) throw new WharfError('local-io', t('app.error.openFailed', { path, reason: failure }), { detail: { path } });
  }

  revealPath(path: string): void {
    shell.showItemInFolder(path);
  }

  async openExternal(url: string): Promise<void> {
    if (!isHttpsUrl(url)) throw new WharfError('invalid-input', t('app.error.onlyHttps'));
    await shell.openExternal(url);
  }

  clipboardWriteText(text: string): void {
    clipboard.writeText(text);
  }

  startDrag(files: readonly string[]): void {
    const win = this.window();
    if (!win || win.isDestroyed() || files.length === 0) return;
    this.dragIcon ??= nativeImage.createFromDataURL(DRAG_ICON_DATA_URL);
    win.webContents.startDrag({ file: files[0]!, files: [...files], icon: this.dragIcon });
  }
}
