/** A modal dialog: labelled, traps focus, closes on Escape, gives focus back where it was. */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { t } from '../../common/i18n/t';
import { Icon } from './icons';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Props of Modal. */
export interface ModalProps {
  readonly title: ReactNode;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly footer?: ReactNode;
  /** Only the top dialog takes input; the ones below are inert. */
  readonly top: boolean;
  readonly className?: string;
  /** CSS selector of the element to focus first. default: the first field or button. */
  readonly initialFocus?: string;
  /** `alertdialog` for questions that need an answer. */
  readonly role?: 'dialog' | 'alertdialog';
  readonly tone?: 'normal' | 'danger' | 'warning';
}

/** The modal. */
export function Modal({ title, onClose, children, footer, top, className, initialFocus, role = 'dialog', tone = 'normal' }: ModalProps): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();

  // Taken while rendering, before an autoFocus field inside the dialog moves the focus.
  const opener = useRef<Element | null>(document.activeElement);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  // Escape closes the top dialog wherever focus is (a click on the backdrop may have left the dialog).
  useEffect(() => {
    if (!top) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        closeRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [top]);

  useEffect(() => {
    const previous = opener.current as HTMLElement | null;
    const el = ref.current;
    if (el) {
      const visible = (x: HTMLElement) => x.getClientRects().length > 0;
      const body = el.querySelector<HTMLElement>('.modal-body');
      const first =
        (initialFocus ? el.querySelector<HTMLElement>(initialFocus) : null) ??
        [...(body?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].find(visible) ??
        [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].find(visible);
      if (!el.contains(document.activeElement)) (first ?? el).focus();
    }
    return () => {
      if (previous && document.contains(previous)) previous.focus();
    };
    // Focus once, when the dialog opens.
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((x) => x.getClientRects().length > 0);
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className={`backdrop${top ? '' : ' under'}`} inert={!top}>
      <div ref={ref} className={`modal ${tone}${className ? ` ${className}` : ''}`} role={role} aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
        <header className="modal-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button subtle" aria-label={t('common.close')} onClick={onClose}>
            <Icon name="close" />
          </button>
        </header>
        <div className="modal-body">{children}</div>
        {footer && <footer className="modal-footer">{footer}</footer>}
      </div>
    </div>
  );
}
