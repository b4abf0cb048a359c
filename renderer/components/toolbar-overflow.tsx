/**
 * The toolbar never wraps: when its tools do not fit on one line, the last ones move into a "More tools"
 * menu, one at a time, until the rest fits (FileZilla's and Explorer's overflow chevron).
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { t } from '../../common/i18n/t';
import { Icon, type IconName } from './icons';

/** A toolbar command that can live inline or in the overflow menu. */
export interface ToolbarTool {
  readonly key: string;
  /** The accessible name; also the menu item's text. */
  readonly label: string;
  readonly title: string;
  readonly icon: IconName;
  readonly disabled?: boolean;
  /** A toggle's state (aria-pressed inline, aria-checked in the menu). */
  readonly pressed?: boolean;
  /** Extra class inline (`active`, `on`). */
  readonly className?: string;
  readonly onSelect: () => void;
}

/**
 * How many fitting steps the element at `ref` needs (0: all inline): after each render, while its content
 * is wider than its box, one more step. A change of the box's width, or of `contentKey` (what the tools
 * show: "Connecting…" is wider than "Connect"), starts again from 0.
 */
export function useOverflowLevel(ref: RefObject<HTMLElement | null>, maxLevel: number, contentKey: string): number {
  const [level, setLevel] = useState(0);
  const width = useRef(0);
  const shownKey = useRef(contentKey);
  useLayoutEffect(() => {
    if (shownKey.current !== contentKey) {
      shownKey.current = contentKey;
      if (level !== 0) return setLevel(0);
    }
    const el = ref.current;
    if (el && el.scrollWidth > el.clientWidth + 1 && level < maxLevel) setLevel(level + 1);
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === width.current) return;
      width.current = el.clientWidth;
      setLevel(0);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return level;
}

/** A tool as a toolbar button. */
export function ToolButton({ tool }: { readonly tool: ToolbarTool }): ReactNode {
  return (
    <button
      type="button"
      className={`tool-button${tool.className ? ` ${tool.className}` : ''}`}
      aria-label={tool.label}
      aria-pressed={tool.pressed}
      title={tool.title}
      disabled={tool.disabled}
      onClick={tool.onSelect}
    >
      <Icon name={tool.icon} />
    </button>
  );
}

/** The "More tools" button and its menu of the tools that did not fit. */
export function OverflowMenu({ tools }: { readonly tools: readonly ToolbarTool[] }): ReactNode {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ top: 0, right: 0 });
  useLayoutEffect(() => {
    const box = button.current?.getBoundingClientRect();
    if (open && box) setPlace({ top: box.bottom + 4, right: Math.max(4, window.innerWidth - box.right) });
  }, [open]);
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [open]);
  if (tools.length === 0) return null;
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      move(at + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      move(at - 1);
    } else if (e.key === 'Home') {
      e.preventDefault();
      move(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      move(-1);
    }
  };
  return (
    <div className="overflow-anchor">
      <button
        ref={button}
        type="button"
        className="tool-button"
        aria-label={t('shell.moreTools')}
        title={t('shell.moreTools')}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="more" />
      </button>
      {open && (
        <>
          <div className="menu-layer" onPointerDown={() => setOpen(false)} />
          <div ref={menu} className="context-menu overflow-menu" role="menu" aria-label={t('shell.moreTools')} style={place} onKeyDown={onKeyDown}>
            {tools.map((tool) => (
              <button
                key={tool.key}
                type="button"
                className="menu-item"
                role={tool.pressed === undefined ? 'menuitem' : 'menuitemcheckbox'}
                aria-checked={tool.pressed}
                aria-disabled={tool.disabled ? 'true' : undefined}
                tabIndex={-1}
                title={tool.title}
                onClick={() => {
                  if (tool.disabled) return;
                  close();
                  tool.onSelect();
                }}
              >
                <Icon name={tool.icon} />
                <span className="menu-label">{tool.label}</span>
                {tool.pressed && <Icon name="check" />}
              </button>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
