/** The renderer's entry: one dispatcher, its stores filled from main, then React. */
import { StrictMode, useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { t } from '../common/i18n/t';
import { App } from './components/app';
import { Dispatcher } from './dispatcher';
import { DispatcherContext, useDispatcher, useStore } from './hooks';
import { warmNameOrder } from './state/pane-model';
import './styles/app.css';
import './styles/panes.css';
import './styles/dialogs.css';

/** Re-renders the whole window when the language changes (no component is memoised, so all of it redraws). */
function LocaleRoot(): ReactNode {
  const { locale } = useStore(useDispatcher().language.store);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <App />;
}

// Constructing the dispatcher sets the language (stored choice or the OS's) before the first render.
const dispatcher = new Dispatcher();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <DispatcherContext value={dispatcher}>
      <LocaleRoot />
    </DispatcherContext>
  </StrictMode>,
);

void dispatcher.start().then(
  () => {
    document.documentElement.setAttribute('data-wharf-ready', 'true');
    // The name order checks its keys once (a few milliseconds): now, rather than when a big folder first shows.
    setTimeout(warmNameOrder, 0);
  },
  (err: unknown) => {
    console.error(err);
    dispatcher.notices.notify('error', t('app.start.failed'), err instanceof Error ? err.message : String(err));
  },
);
