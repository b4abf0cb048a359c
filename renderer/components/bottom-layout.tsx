/**
 * The bottom panel's layout: the queue and the log as tabs, or side by side (as FileZilla shows them, to
 * watch both at once). The choice is remembered in the window's storage.
 */
import { useState, type ReactNode } from 'react';
import { t } from '../../common/i18n/t';
import { Icon } from './icons';

/** How the bottom panel shows the queue and the log. */
export type BottomLayout = 'tabs' | 'side-by-side';

const BOTTOM_LAYOUT_KEY = 'wharf.bottomLayout';

function storedLayout(): BottomLayout {
  try {
    return localStorage.getItem(BOTTOM_LAYOUT_KEY) === 'side-by-side' ? 'side-by-side' : 'tabs';
  } catch {
    return 'tabs';
  }
}

/** The layout and its setter, which remembers it. */
export function useBottomLayout(): [BottomLayout, (layout: BottomLayout) => void] {
  const [layout, setLayout] = useState<BottomLayout>(storedLayout);
  return [
    layout,
    (next) => {
      setLayout(next);
      try {
        localStorage.setItem(BOTTOM_LAYOUT_KEY, next);
      } catch {
        // Storage refused (a private profile): the choice lasts for this window.
      }
    },
  ];
}

/** The switch at the end of the bottom panel's bar. */
export function BottomLayoutToggle({ layout, onChange }: { readonly layout: BottomLayout; readonly onChange: (layout: BottomLayout) => void }): ReactNode {
  const beside = layout === 'side-by-side';
  return (
    <button
      type="button"
      className="text-button bottom-layout-toggle"
      aria-pressed={beside}
      title={beside ? t('queue.layout.showTabs') : t('queue.layout.showBeside')}
      onClick={() => onChange(beside ? 'tabs' : 'side-by-side')}
    >
      <Icon name="compare" /> {t('queue.layout.beside')}
    </button>
  );
}
