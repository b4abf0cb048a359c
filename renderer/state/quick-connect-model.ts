/**
 * The quick connect bar as a store: what the user typed, or what an `ftps://`/`ftpes://` link filled in.
 * A link fills the fields and remembers the folder it points to; it never fills the password and never
 * connects: the user checks the form, types the password and clicks Connect.
 */
import type { QuickConnectFields, QuickConnectLink } from '../../common/ipc/payloads';
import { defaultPortFor, type FtpsMode } from '../../common/models/site';
import { followPort } from './sites-model';

/** Where the form's content came from, while the user has not pointed it at another server. */
export interface LinkContext {
  /** The link as the user would recognise it, without any password: `ftpes://ann@host:2121/pub/`. */
  readonly display: string;
  /** The folder (or file) to open once connected; null for the login folder. */
  readonly remotePath: string | null;
  /** The link carried a password, which was ignored: the form says so beside the empty field. */
  readonly passwordIgnored: boolean;
  /** The user closed the note (the remote path is still opened after connecting). */
  readonly noteDismissed: boolean;
}

/** The bar's fields (numbers as typed text). */
export interface QuickConnectForm {
  readonly protocol: FtpsMode;
  readonly host: string;
  readonly port: string;
  /** True once the port is the user's (or the link's) own: it no longer follows the protocol. */
  readonly portEdited: boolean;
  readonly user: string;
  readonly password: string;
  readonly link: LinkContext | null;
  /** Counts the links that filled the form, so the bar can move the focus to what is left to type. */
  readonly linkCount: number;
}

/** An empty bar: explicit FTPS on port 21. */
export const initialQuickConnect: QuickConnectForm = {
  protocol: 'explicit',
  host: '',
  port: '21',
  portEdited: false,
  user: '',
  password: '',
  link: null,
  linkCount: 0,
};

/** How a link is shown back to the user: scheme, user, host, port (when not the default) and path. */
export function linkDisplay(link: QuickConnectLink): string {
  const scheme = link.mode === 'implicit' ? 'ftps' : 'ftpes';
  const host = link.host.includes(':') ? `[${link.host}]` : link.host;
  const port = link.port === defaultPortFor(link.mode) ? '' : `:${link.port}`;
  const user = link.user ? `${link.user}@` : '';
  return `${scheme}://${user}${host}${port}${link.remotePath ?? '/'}`;
}

/** A link filled the bar: every field from the link, the password emptied (a link never brings one). */
export function fillFromLink(form: QuickConnectForm, link: QuickConnectLink): QuickConnectForm {
  return {
    protocol: link.mode,
    host: link.host,
    port: String(link.port),
    portEdited: link.port !== defaultPortFor(link.mode),
    user: link.user,
    password: '',
    link: { display: linkDisplay(link), remotePath: link.remotePath, passwordIgnored: link.passwordIgnored, noteDismissed: false },
    linkCount: form.linkCount + 1,
  };
}

/** Fields the user can type. */
export type QuickConnectEdit =
  | { readonly field: 'protocol'; readonly value: FtpsMode }
  | { readonly field: 'host' | 'port' | 'user' | 'password'; readonly value: string };

/**
 * One edit. The port follows the protocol (21/990) until the user types one; clearing it makes it follow
 * again. Another host (or protocol) means another server: the link's folder no longer applies.
 */
export function editQuickConnect(form: QuickConnectForm, edit: QuickConnectEdit): QuickConnectForm {
  switch (edit.field) {
    case 'protocol':
      return { ...form, protocol: edit.value, port: followPort(edit.value, form.port, form.portEdited), link: null };
    case 'host':
      return { ...form, host: edit.value, link: edit.value.trim() === form.host.trim() ? form.link : null };
    case 'port': {
      const text = edit.value.replace(/[^0-9]/g, '').slice(0, 5);
      return text === '' ? { ...form, port: followPort(form.protocol, '', false), portEdited: false } : { ...form, port: text, portEdited: true };
    }
    case 'user':
      return { ...form, user: edit.value };
    case 'password':
      return { ...form, password: edit.value };
    default: {
      const never: never = edit;
      throw new Error(`unknown field ${JSON.stringify(never)}`);
    }
  }
}

/** Hides the link note (its folder is still opened after connecting). */
export function dismissLinkNote(form: QuickConnectForm): QuickConnectForm {
  return form.link ? { ...form, link: { ...form.link, noteDismissed: true } } : form;
}

/** What the Connect button sends, or null while there is no host. */
export function quickConnectFields(form: QuickConnectForm): QuickConnectFields | null {
  const host = form.host.trim();
  if (!host) return null;
  const port = Number(form.port);
  return {
    host,
    ...(Number.isInteger(port) && port > 0 && port < 65536 ? { port } : {}),
    mode: form.protocol,
    user: form.user.trim(),
    password: form.password,
  };
}
