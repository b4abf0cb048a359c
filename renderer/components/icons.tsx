/** Small inline SVG icons (no external assets: the CSP allows none, and they follow the text colour). */
import type { ReactElement } from 'react';

/** Icon names. */
export type IconName =
  | 'folder' | 'file' | 'link' | 'up' | 'refresh' | 'new-folder' | 'lock' | 'unlock' | 'warning' | 'sites'
  | 'disconnect' | 'pause' | 'play' | 'upload' | 'download' | 'close' | 'search' | 'eye' | 'edit' | 'trash'
  | 'copy' | 'save' | 'retry' | 'top' | 'bottom' | 'arrow-up' | 'arrow-down' | 'check' | 'server' | 'plus' | 'import' | 'export' | 'chevron'
  | 'shield' | 'terminal' | 'key' | 'minus' | 'info' | 'stethoscope' | 'compare' | 'link-panes' | 'sync' | 'more';

const PATHS: Record<IconName, ReactElement> = {
  more: <path d="M3 8h.01M8 8h.01M13 8h.01" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" />,
  folder: <path d="M1.5 3.5h4l1.5 1.5h7.5v8.5h-13z" fill="currentColor" fillOpacity="0.18" stroke="currentColor" />,
  file: <path d="M3.5 1.5h6l3 3v10h-9zM9.5 1.5v3h3" fill="none" stroke="currentColor" />,
  link: <path d="M6 10l4-4M5 7L3.5 8.5a2.5 2.5 0 003.5 3.5L8.5 10.5M11 9l1.5-1.5A2.5 2.5 0 009 4L7.5 5.5" fill="none" stroke="currentColor" />,
  up: <path d="M8 13V3M3.5 7.5L8 3l4.5 4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />,
  refresh: <path d="M13 8a5 5 0 11-1.5-3.5M13 2.5v3h-3" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  'new-folder': <path d="M1.5 3.5h4l1.5 1.5h7.5v8.5h-13zM8 7v5M5.5 9.5h5" fill="none" stroke="currentColor" />,
  lock: <path d="M4 7.5h8v6.5h-8zM5.5 7.5V5a2.5 2.5 0 015 0v2.5" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  unlock: <path d="M4 7.5h8v6.5h-8zM5.5 7.5V5a2.5 2.5 0 014.8-1" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  warning: <path d="M8 1.8l6.5 12h-13zM8 6.5v3.5M8 11.5v1" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  sites: <path d="M2 2.5h12v4H2zM2 9.5h12v4H2zM4 4.5h1M4 11.5h1" fill="none" stroke="currentColor" strokeWidth="1.3" />,
  server: <path d="M2 2.5h12v4H2zM2 9.5h12v4H2zM4 4.5h1M4 11.5h1" fill="none" stroke="currentColor" strokeWidth="1.3" />,
  disconnect: <path d="M3 13l3-3M13 3l-3 3M5.5 7.5l3 3M7 6l-1.5-1.5a2 2 0 00-3 3L4 9M9 10l1.5 1.5a2 2 0 003-3L12 7" fill="none" stroke="currentColor" strokeWidth="1.3" />,
  pause: <path d="M5 3v10M11 3v10" fill="none" stroke="currentColor" strokeWidth="2" />,
  play: <path d="M4.5 2.5l9 5.5-9 5.5z" fill="currentColor" />,
  upload: <path d="M8 12V3M4 6.5L8 2.5l4 4M2.5 14h11" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  download: <path d="M8 2.5v9M4 8l4 4 4-4M2.5 14h11" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  close: <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="1.5" />,
  search: <path d="M7 12A5 5 0 107 2a5 5 0 000 10zM10.5 10.5L14 14" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  eye: <path d="M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8zM8 10a2 2 0 100-4 2 2 0 000 4z" fill="none" stroke="currentColor" strokeWidth="1.2" />,
  edit: <path d="M10.5 2.5l3 3-8 8h-3v-3z" fill="none" stroke="currentColor" strokeWidth="1.3" />,
  trash: <path d="M3 4.5h10M6.5 4.5v-2h3v2M4.5 4.5l.7 9h5.6l.7-9" fill="none" stroke="currentColor" strokeWidth="1.3" />,
  copy: <path d="M5.5 5.5h8v8h-8zM10.5 5.5v-3h-8v8h3" fill="none" stroke="currentColor" strokeWidth="1.2" />,
  save: <path d="M2.5 2.5h9l2 2v9h-11zM5 2.5v3.5h5V2.5M5 13.5v-4h6v4" fill="none" stroke="currentColor" strokeWidth="1.2" />,
  retry: <path d="M3 8a5 5 0 109-3M12 2v3h-3" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  top: <path d="M3 2.5h10M8 14V5.5M4.5 9L8 5.5 11.5 9" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  bottom: <path d="M3 13.5h10M8 2v8.5M4.5 7L8 10.5 11.5 7" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  'arrow-up': <path d="M8 13V3.5M4.5 7L8 3.5 11.5 7" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  'arrow-down': <path d="M8 3v9.5M4.5 9L8 12.5 11.5 9" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  check: <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="1.6" />,
  plus: <path d="M8 3v10M3 8h10" fill="none" stroke="currentColor" strokeWidth="1.5" />,
  import: <path d="M8 2v8M5 7l3 3 3-3M2.5 11v2.5h11V11" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  export: <path d="M8 10V2M5 5l3-3 3 3M2.5 11v2.5h11V11" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  chevron: <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.5" />,
  shield: <path d="M8 1.5l5.5 2v4c0 3.5-2.4 5.9-5.5 7-3.1-1.1-5.5-3.5-5.5-7v-4zM5.5 8l2 2 3-3.5" fill="none" stroke="currentColor" strokeWidth="1.3" />,
  terminal: <path d="M1.5 2.5h13v11h-13zM4 6l2.5 2L4 10M8 10.5h4" fill="none" stroke="currentColor" strokeWidth="1.3" />,
  key: <path d="M6 10a3.5 3.5 0 110-7 3.5 3.5 0 010 7zM8.5 8.5l5.5 5.5M11.5 11.5l1.5-1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />,
  minus: <path d="M4 8h8" fill="none" stroke="currentColor" strokeWidth="1.6" />,
  info: <path d="M8 14.5a6.5 6.5 0 100-13 6.5 6.5 0 000 13zM8 7v4.5M8 4.5v1" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  stethoscope: <path d="M3.5 2v4a3 3 0 006 0V2M6.5 9v1.5a3 3 0 006 0V9M12.5 9a1.3 1.3 0 100-2.6 1.3 1.3 0 000 2.6z" fill="none" stroke="currentColor" strokeWidth="1.3" />,
  compare: <path d="M2 2.5h5v11H2zM9 2.5h5v11H9zM3.5 5.5h2M10.5 5.5h2M3.5 8h2M10.5 10.5h2" fill="none" stroke="currentColor" strokeWidth="1.2" />,
  'link-panes': <path d="M1.5 3.5h5v9h-5zM9.5 3.5h5v9h-5zM6.5 8h3M8.3 6.5L9.8 8 8.3 9.5" fill="none" stroke="currentColor" strokeWidth="1.2" />,
  sync: <path d="M2.5 6.5A5.5 5.5 0 0112.7 4.5M13.5 2v3h-3M13.5 9.5A5.5 5.5 0 013.3 11.5M2.5 14v-3h3" fill="none" stroke="currentColor" strokeWidth="1.4" />,
};

/** An icon; decorative (hidden from screen readers) since every control has its own label. */
export function Icon({ name, className }: { readonly name: IconName; readonly className?: string }): ReactElement {
  return (
    <svg className={`icon${className ? ` ${className}` : ''}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {PATHS[name]}
    </svg>
  );
}
