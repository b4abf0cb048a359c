/**
 * A pane's context menu (right-click, the Menu key or Shift+F10): a small popup list of commands with the
 * keyboard of a native menu (arrows, Home/End, Enter, Escape). Which items show, and which are enabled,
 * comes from context-menu-model; running them is the dispatcher's `paneCommand`.
 */
import { Fragment, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { t } from '../../common/i18n/t';
import { focusGrid } from '../focus';
import { useDispatcher, useStore } from '../hooks';
import { nextEnabled, placeMenu, type ContextMenuState, type MenuItem } from '../state/context-menu-model';

/** The open menu, if any (re-rendered when the selection it acts on changes). */
export function ContextMenu(): ReactNode {
  const dispatcher = useDispatcher();
  const ui = useStore(dispatcher.stores.ui);
  // The items depend on the panes and the session: subscribe so they stay right while the menu is open.
  useStore(dispatcher.stores.local);
  useStore(dispatcher.stores.remote);
  useStore(dispatcher.stores.sessions);
  const menu = ui.contextMenu;
  if (!menu) return null;
  return <MenuPopup key={`${menu.side}-${menu.x}-${menu.y}`} menu={menu} items={dispatcher.paneCommands.menuItems(menu.side)} />;
}

function MenuPopup({ menu, items }: { readonly menu: ContextMenuState; readonly items: readonly MenuItem[] }): ReactNode {
  const dispatcher = useDispatcher();
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ x: menu.x, y: menu.y });
  const [active, setActive] = useState(() => nextEnabled(items, -1, 1));

  // Flip the menu up or left when it would leave the window.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setPosition(placeMenu(menu, { width: el.offsetWidth, height: el.offsetHeight }, { width: window.innerWidth, height: window.innerHeight }));
  }, [menu]);

  useEffect(() => {
    const target = active >= 0 ? ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active] : ref.current;
    target?.focus();
  }, [active]);

  const close = () => {
    dispatcher.paneCommands.closeContextMenu();
    focusGrid(menu.side);
  };
  const run = (item: MenuItem) => {
    if (item.disabled) return;
    // Focus goes back to the grid first, so a dialog the command opens returns it there when it closes.
    close();
    void dispatcher.paneCommands.run(menu.side, item.command);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setActive((i) => nextEnabled(items, i, 1));
        return;
      case 'ArrowUp':
        e.preventDefault();
        setActive((i) => nextEnabled(items, i < 0 ? items.length : i, -1));
        return;
      case 'Home':
        e.preventDefault();
        setActive(nextEnabled(items, -1, 1));
        return;
      case 'End':
        e.preventDefault();
        setActive(nextEnabled(items, items.length, -1));
        return;
      case 'Escape':
      case 'Tab':
        e.preventDefault();
        e.stopPropagation();
        close();
        return;
      case 'ContextMenu':
        e.preventDefault();
        return;
      default:
        if (e.key === 'F10' && e.shiftKey) e.preventDefault();
    }
  };

  return (
    <div
      className="menu-layer"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) close();
      }}
      onContextMenu={(e) => {
        e.preventDefault();
        if (e.target === e.currentTarget) close();
      }}
    >
      <div
        ref={ref}
        className="context-menu"
        role="menu"
        aria-label={menu.side === 'local' ? t('shell.menu.local') : t('shell.menu.remote')}
        tabIndex={-1}
        style={{ left: position.x, top: position.y }}
        onKeyDown={onKeyDown}
      >
        {items.map((item, i) => (
          <Fragment key={item.command}>
            {item.groupStart && i > 0 && <div className="menu-separator" role="separator" />}
            <button
              type="button"
              role="menuitem"
              className="menu-item"
              tabIndex={i === active ? 0 : -1}
              aria-disabled={item.disabled}
              onMouseEnter={() => !item.disabled && setActive(i)}
              onClick={() => run(item)}
            >
              <span className="menu-label">{item.label}</span>
              {item.shortcut && <span className="menu-shortcut">{item.shortcut}</span>}
            </button>
          </Fragment>
        ))}
      </div>
    </div>
  );
}
