/** React access to the dispatcher and its stores: `useStore` reads through `useSyncExternalStore`. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Dispatcher } from './dispatcher';
import type { Store } from './state/store';

/** Gives every component the one dispatcher. */
export const DispatcherContext = createContext<Dispatcher | null>(null);

/** The dispatcher: the only way components change anything. */
export function useDispatcher(): Dispatcher {
  const dispatcher = useContext(DispatcherContext);
  if (!dispatcher) throw new Error('useDispatcher outside <DispatcherContext>');
  return dispatcher;
}

/** A store's current state; the component re-renders when it changes. */
export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
