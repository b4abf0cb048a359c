/** Connecting: the quick connect bar, links from the OS, saved sites, disconnecting, the security report. */
import { t } from '../../common/i18n/t';
import type { QuickConnectFields, QuickConnectLink } from '../../common/ipc/payloads';
import type { SiteProfile } from '../../common/models/site-profile';
import { describeError } from '../state/errors';
import { remoteParent, selectOnly } from '../state/pane-model';
import { dismissLinkNote, editQuickConnect, fillFromLink, type QuickConnectEdit } from '../state/quick-connect-model';
import { activeSession, applySession } from '../state/session-model';
import { wharf } from './api';
import { dialogId, type DialogsController } from './dialogs';
import type { NoticesController } from './notices';
import type { PanesController } from './panes';
import type { Stores } from './stores';

/** Opens and closes sessions; the panes show what they open. */
export class ConnectionsController {
  constructor(
    private readonly stores: Pick<Stores, 'quickConnectForm' | 'sessions' | 'remote' | 'sites' | 'ui'>,
    private readonly notices: NoticesController,
    private readonly dialogs: DialogsController,
    private readonly panes: PanesController,
  ) {}

  /** One edit of the quick connect bar. */
  editQuickConnect(edit: QuickConnectEdit): void {
    this.stores.quickConnectForm.update((f) => editQuickConnect(f, edit));
  }

  /** Hides the note a link left beside the quick connect bar. */
  dismissLinkNote(): void {
    this.stores.quickConnectForm.update(dismissLinkNote);
  }

  /**
   * An `ftps://`/`ftpes://` link the OS opened: it fills the quick connect bar (never the password) and
   * remembers its folder. It never connects: that waits for the user's click on Connect.
   */
  openLink(link: QuickConnectLink): void {
    this.stores.quickConnectForm.update((f) => fillFromLink(f, link));
  }

  /**
   * The quick-connect bar: plain FTP first shows its warning and needs the user's agreement. When a link
   * filled the bar, the folder it points to opens once connected.
   */
  async quickConnect(fields: QuickConnectFields): Promise<void> {
    if (fields.mode === 'plain' && fields.allowPlain !== true) {
      this.dialogs.open({ kind: 'plain-ftp', id: dialogId('plain'), fields });
      return;
    }
    const form = this.stores.quickConnectForm.get();
    const linked = form.link && form.host.trim() === fields.host ? form.link.remotePath : null;
    if (!(await this.connect({ kind: 'quick', ...fields }))) return;
    if (form.link) this.stores.quickConnectForm.update((f) => (f.link === form.link ? { ...f, link: null } : f));
    if (linked) await this.openLinkedPath(linked);
  }

  /**
   * Opens the folder a link points to; a link to a file opens its folder with the file selected. A
   * trailing `/` says "folder"; otherwise the parent's listing tells (LIST of a file would list the file).
   */
  private async openLinkedPath(path: string): Promise<void> {
    const trimmed = path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') || '/' : path;
    if (path.endsWith('/') || trimmed === '/') {
      await this.panes.openRemote(trimmed);
      return;
    }
    const parent = remoteParent(trimmed) ?? '/';
    const name = trimmed.slice(trimmed.lastIndexOf('/') + 1);
    if (!(await this.panes.openRemote(parent))) return;
    const entry = this.stores.remote.get().entries.find((e) => e.name === name);
    if (!entry) {
      this.notices.notify('warning', t('notices.linkNotFound.title'), t('notices.linkNotFound.message', { name, parent }));
    } else if (entry.type === 'directory' || entry.type === 'symlink') {
      await this.panes.openRemote(trimmed);
    } else {
      this.stores.remote.update((s) => selectOnly(s, name));
    }
  }

  /** Connects to a saved site; a site whose password is asked on connect opens the password dialog. */
  async connectSite(site: Pick<SiteProfile, 'id' | 'name' | 'user' | 'passwordStorage' | 'hasPassword'>, password?: string): Promise<boolean> {
    if (password === undefined && !site.hasPassword && site.user !== '' && site.user.toLowerCase() !== 'anonymous') {
      this.dialogs.open({ kind: 'password', id: dialogId('password'), siteId: site.id, siteName: site.name, user: site.user });
      return false;
    }
    return this.connect({ kind: 'site', siteId: site.id, ...(password !== undefined ? { password } : {}) }, site);
  }

  /** Connects to a saved site with its client key's passphrase typed for this connection (not saved). */
  async connectSiteWithPassphrase(site: Pick<SiteProfile, 'id' | 'name' | 'user'>, clientKeyPassphrase: string, password?: string): Promise<boolean> {
    return this.connect({ kind: 'site', siteId: site.id, clientKeyPassphrase, ...(password !== undefined ? { password } : {}) }, site);
  }

  private async connect(request: Parameters<typeof window.wharf.remoteConnect>[0], site?: Pick<SiteProfile, 'id' | 'name' | 'user'>): Promise<boolean> {
    this.stores.ui.update((u) => ({ ...u, connecting: true }));
    const result = await wharf().remoteConnect(request);
    this.stores.ui.update((u) => ({ ...u, connecting: false }));
    if (!result.ok) {
      const view = describeError(result.error);
      const detail = result.error.detail;
      if (view.needsPassword && site) {
        this.dialogs.open({ kind: 'password', id: dialogId('password'), siteId: site.id, siteName: site.name, user: site.user });
      } else if (site && request.kind === 'site' && /^client-certificate-passphrase-(required|wrong)$/.test(String(detail?.['reason'] ?? ''))) {
        this.dialogs.open({
          kind: 'client-key-passphrase',
          id: dialogId('passphrase'),
          siteId: site.id,
          siteName: site.name,
          user: site.user,
          message: result.error.message,
          ...(request.password !== undefined ? { password: request.password } : {}),
        });
      } else if (result.error.kind === 'tls-changed' && typeof detail?.['expected'] === 'string' && typeof detail['presented'] === 'string') {
        // A pinned certificate changed: a hard stop, shown in red with both fingerprints.
        const target =
          request.kind === 'quick' ? { host: request.host, port: request.port ?? (request.mode === 'implicit' ? 990 : 21) } : this.stores.sites.get().listing?.sites.find((s) => s.id === request.siteId);
        if (target) this.dialogs.open({ kind: 'certificate-changed', id: dialogId('changed'), host: target.host, port: target.port, pinned: detail['expected'], presented: detail['presented'] });
        else this.notices.report(result.error, t('rendererWords.context.connection'));
      } else {
        this.notices.report(result.error, t('rendererWords.context.connection'));
      }
      return false;
    }
    this.stores.sessions.update((s) => applySession(s, result.value));
    await this.panes.showSession(result.value);
    if (site && request.kind === 'site') {
      const profile = this.stores.sites.get().listing?.sites.find((s) => s.id === site.id);
      if (profile?.localDir) await this.panes.openLocal(profile.localDir, { quiet: true });
    }
    return true;
  }

  /** Shows another open session in the remote pane. */
  async switchSession(sessionId: string): Promise<void> {
    const info = this.stores.sessions.get().sessions.find((s) => s.sessionId === sessionId);
    if (info?.state === 'connected') await this.panes.showSession(info);
  }

  /** Closes the session the remote pane shows. */
  async disconnect(): Promise<void> {
    const id = this.stores.sessions.get().activeId;
    if (!id) return;
    const result = await wharf().remoteDisconnect({ sessionId: id });
    if (!result.ok) this.notices.report(result.error, t('rendererWords.context.disconnect'));
  }

  /** Opens the lock badge's security report. */
  async showSecurityReport(): Promise<void> {
    const session = activeSession(this.stores.sessions.get());
    if (!session) return;
    const result = await wharf().remoteSecurityReport({ sessionId: session.sessionId });
    if (!result.ok) return this.notices.report(result.error, t('rendererWords.context.securityReport'));
    this.dialogs.open({ kind: 'security-report', id: 'security-report', label: session.label, report: result.value });
  }
}
