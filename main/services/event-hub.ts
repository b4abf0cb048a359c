import type { WharfEventName, WharfEvents } from '../../common/ipc/contract';

/** Receives every event main pushes: the window's webContents in the app, each WebSocket in the bridge. */
export type WharfEventListener = <E extends WharfEventName>(event: E, payload: WharfEvents[E]) => void;

/**
 * The one place services push events through, so the same services feed Electron and the bridge. A
 * listener that throws (a destroyed window) is dropped from that emit only and never breaks a service.
 */
export class EventHub {
  private readonly listeners = new Set<WharfEventListener>();

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: WharfEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Pushes one event to every listener. */
  emit<E extends WharfEventName>(event: E, payload: WharfEvents[E]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event, payload);
      } catch {
        // A closed window or socket: its owner unsubscribes it; the other listeners still get the event.
      }
    }
  }
}
