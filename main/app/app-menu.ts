import { Menu, type MenuItemConstructorOptions } from 'electron';
import { t } from '../../common/i18n/t';

/**
 * The application menu: the standard roles (so copy/paste, undo, zoom, full screen and window shortcuts work
 * as on every native app), plus reload for when the renderer misbehaves. DevTools only in development.
 * Every item carries its label in the interface language: Electron's own role labels are English only on
 * Linux and Windows. Rebuilt when the language changes.
 */
export function buildAppMenu(options: { readonly isMac: boolean; readonly isPackaged: boolean }): Menu {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: t('app.menu.reload') },
    { role: 'forceReload', label: t('app.menu.forceReload') },
    ...(options.isPackaged ? [] : [{ role: 'toggleDevTools', label: t('app.menu.devTools') } as MenuItemConstructorOptions]),
    separator,
    { role: 'resetZoom', label: t('app.menu.resetZoom') },
    { role: 'zoomIn', label: t('app.menu.zoomIn') },
    { role: 'zoomOut', label: t('app.menu.zoomOut') },
    separator,
    { role: 'togglefullscreen', label: t('app.menu.fullScreen') },
  ];
  const edit: MenuItemConstructorOptions[] = [
    { role: 'undo', label: t('app.menu.undo') },
    { role: 'redo', label: t('app.menu.redo') },
    separator,
    { role: 'cut', label: t('app.menu.cut') },
    { role: 'copy', label: t('app.menu.copy') },
    { role: 'paste', label: t('app.menu.paste') },
    { role: 'delete', label: t('app.menu.delete') },
    separator,
    { role: 'selectAll', label: t('app.menu.selectAll') },
  ];
  const file: MenuItemConstructorOptions[] = [options.isMac ? { role: 'close', label: t('app.menu.closeWindow') } : { role: 'quit', label: t('app.menu.quit') }];
  const windowItems: MenuItemConstructorOptions[] = [
    { role: 'minimize', label: t('app.menu.minimize') },
    { role: 'zoom', label: t('app.menu.zoom') },
    ...(options.isMac ? [] : [{ role: 'close', label: t('app.menu.closeWindow') } as MenuItemConstructorOptions]),
  ];
  const template: MenuItemConstructorOptions[] = [
    ...(options.isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: t('app.menu.file'), submenu: file },
    { label: t('app.menu.edit'), submenu: edit },
    { label: t('app.menu.view'), submenu: view },
    { label: t('app.menu.window'), role: 'windowMenu', submenu: windowItems },
    { label: t('app.menu.help'), role: 'help', submenu: [{ role: 'about', label: t('app.menu.about') }] },
  ];
  return Menu.buildFromTemplate(template);
}
