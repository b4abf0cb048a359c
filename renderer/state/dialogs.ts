/**
 * Every dialog the app shows, as one discriminated union, and the stack they live in. Questions from main
 * (certificate, overwrite, an edited file) go on top of whatever is open and leave when main says
 * `questionClosed`.
 */
import type { CertificateQuestionView, ChoiceQuestion, EditedFileQuestion, PendingQuestion, QuickConnectFields, SiteImportFormat, SiteImportPreview } from '../../common/ipc/payloads';
import type { SecurityReport } from '../../common/models/security';
import type { OverwriteQuestion } from '../../common/models/transfer';
import type { PaneSide } from './pane-model';

/** One open dialog. */
export type Dialog =
  | { readonly kind: 'site-manager'; readonly id: string; readonly selectSiteId: string | null }
  | { readonly kind: 'certificate'; readonly id: string; readonly question: CertificateQuestionView }
  | { readonly kind: 'overwrite'; readonly id: string; readonly question: OverwriteQuestion }
  /** A file opened from the server was saved: upload it back? */
  | { readonly kind: 'edited-file'; readonly id: string; readonly question: EditedFileQuestion }
  /** A question from main with named answers (continue past a recursion budget, open a file the OS would run). */
  | { readonly kind: 'choice'; readonly id: string; readonly question: ChoiceQuestion }
  | { readonly kind: 'certificate-changed'; readonly id: string; readonly host: string; readonly port: number; readonly pinned: string; readonly presented: string }
  | { readonly kind: 'security-report'; readonly id: string; readonly label: string; readonly report: SecurityReport }
  | { readonly kind: 'password'; readonly id: string; readonly siteId: string; readonly siteName: string; readonly user: string }
  | {
      readonly kind: 'plain-ftp';
      readonly id: string;
      readonly fields: QuickConnectFields;
      /** What agreeing leads to: connecting (default), or testing the connection with the doctor. */
      readonly purpose?: 'connect' | 'test';
    }
  | { readonly kind: 'new-folder'; readonly id: string; readonly side: PaneSide }
  | { readonly kind: 'rename'; readonly id: string; readonly side: PaneSide; readonly name: string }
  | { readonly kind: 'delete'; readonly id: string; readonly side: PaneSide; readonly names: readonly string[]; readonly paths: readonly string[]; readonly hasFolders: boolean }
  | { readonly kind: 'import'; readonly id: string; readonly format: SiteImportFormat; readonly preview: SiteImportPreview }
  | {
      readonly kind: 'permissions';
      readonly id: string;
      readonly sessionId: string;
      readonly names: readonly string[];
      readonly paths: readonly string[];
      /** The first entry's permissions as listed (`rw-r--r--`), to start from; null when the server gave none. */
      readonly permissions: string | null;
    }
  | { readonly kind: 'raw-command'; readonly id: string; readonly sessionId: string; readonly label: string }
  | { readonly kind: 'certificates'; readonly id: string }
  | { readonly kind: 'proxy-settings'; readonly id: string }
  /** The client key's passphrase, asked on connect when none is saved (or the saved one is wrong). */
  | { readonly kind: 'client-key-passphrase'; readonly id: string; readonly siteId: string; readonly siteName: string; readonly user: string; readonly message: string; readonly password?: string }
  /** The connection doctor's checklist and diagnoses; the run itself is in the dispatcher's `doctor` store. */
  | { readonly kind: 'doctor'; readonly id: string }
  /** "Synchronise…" for the panes' folder pair; its settings and preview are in the `sync` store. */
  | { readonly kind: 'sync'; readonly id: string }
  | { readonly kind: 'confirm'; readonly id: string; readonly title: string; readonly message: string; readonly confirmLabel: string; readonly action: ConfirmAction };

/** What a generic confirmation does when accepted. */
export type ConfirmAction =
  | { readonly kind: 'delete-site'; readonly siteId: string }
  | { readonly kind: 'delete-site-folder'; readonly folderPath: readonly string[] };

/** The dialog of a question main lists in `questionsPending` (after a reload), under the question's id. */
export function questionDialog(question: PendingQuestion): Dialog {
  switch (question.kind) {
    case 'certificate':
      return { kind: 'certificate', id: question.id, question };
    case 'overwrite':
      return { kind: 'overwrite', id: question.id, question };
    case 'edited-file':
      return { kind: 'edited-file', id: question.id, question };
    case 'choice':
      return { kind: 'choice', id: question.id, question };
  }
}

/** The dialog kinds. */
export type DialogKind = Dialog['kind'];

/** Open dialogs, bottom first; the last one has focus. */
export interface DialogState {
  readonly stack: readonly Dialog[];
}

/** No dialog open. */
export const initialDialogs: DialogState = { stack: [] };

/** Opens a dialog on top; a dialog with the same id replaces the old one in place. */
export function openDialog(state: DialogState, dialog: Dialog): DialogState {
  const index = state.stack.findIndex((d) => d.id === dialog.id);
  if (index >= 0) return { stack: state.stack.map((d, i) => (i === index ? dialog : d)) };
  return { stack: [...state.stack, dialog] };
}

/** Closes a dialog by id (a question's id, or a dialog's own). */
export function closeDialog(state: DialogState, id: string): DialogState {
  const stack = state.stack.filter((d) => d.id !== id);
  return stack.length === state.stack.length ? state : { stack };
}

/** The dialog that has focus. */
export function topDialog(state: DialogState): Dialog | null {
  return state.stack[state.stack.length - 1] ?? null;
}

/** Whether a dialog of this kind is open. */
export function isOpen(state: DialogState, kind: DialogKind): boolean {
  return state.stack.some((d) => d.kind === kind);
}
