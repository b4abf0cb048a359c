/** The renderer's entry: one dispatcher, its stores filled from main, then React. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/app';
import { Dispatcher } from './dispatcher';
import { DispatcherContext } from './hooks';
import './styles/app.css';

const dispatcher = new Dispatcher();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <DispatcherContext value={dispatcher}>
      <App />
    </DispatcherContext>
  </StrictMode>,
);

void dispatcher.start().then(
  () => document.documentElement.setAttribute('data-wharf-ready', 'true'),
  (err: unknown) => {
    console.error(err);
    dispatcher.notices.notify('error', 'Wharf could not start', err instanceof Error ? err.message : String(err));
  },
);
