/**
 * Dialogs of the remote pane's context menu: file permissions (SITE CHMOD, with the nine boxes and the
 * octal value like FileZilla's "Change file attributes"), a raw FTP command whose reply also goes to
 * the message log, and the question that follows Open when the opened copy is saved (View/Edit).
 */
import { t } from '../../common/i18n/t';
import { useState, type ReactNode } from 'react';
import { visibleName } from '../../common/models/visible-name';
import type { RawReply } from '../../common/ipc/payloads';
import type { FileFacts } from '../../common/models/transfer';
import { useDispatcher } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { formatBytesExact, formatDate } from '../state/format';
import {
  hasPermission,
  isOctalMode,
  octalFromPermissions,
  permissionsFromOctal,
  PERMISSION_CLASSES,
  PERMISSION_KINDS,
  withPermission,
  type PermissionClass,
  type PermissionKind,
} from '../state/permissions-model';
import { Icon } from './icons';
import { FormDialog } from './form-dialog';
import { Modal } from './modal';
import { RichText } from './rich-text';

/** A command name, the same in every language. */
const EXAMPLE_COMMAND = 'SYST';
const classLabel = (who: PermissionClass): string => t('dialogs.permissions.class', { who });
const kindLabel = (what: PermissionKind): string => t('dialogs.permissions.kind', { what });

/** Permissions of one or more remote entries. */
export function PermissionsDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'permissions' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const [mode, setMode] = useState(() => octalFromPermissions(dialog.permissions) ?? '644');
  const [busy, setBusy] = useState(false);
  const valid = isOctalMode(mode);
  const count = dialog.names.length;
  const close = () => dispatcher.dialogs.close(dialog.id);
  const submit = async () => {
    if (!valid || busy) return;
    setBusy(true);
    const ok = await dispatcher.files.chmod(dialog.sessionId, dialog.paths, mode);
    setBusy(false);
    if (ok) close();
  };
  return (
    <FormDialog
      id={dialog.id}
      top={top}
      className="permissions-dialog"
      title={count === 1 ? t('dialogs.permissions.titleOne', { name: visibleName(dialog.names[0] ?? '') }) : t('dialogs.permissions.titleMany', { count })}
      initialFocus=".octal-input"
      onClose={close}
      submitLabel={busy ? t('dialogs.permissions.changing') : t('common.ok')}
      submitDisabled={!valid || busy}
      onSubmit={() => void submit()}
    >
      {dialog.permissions === null && <p className="muted">{t('dialogs.permissions.notListed')}</p>}
      <table className="permission-grid">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('dialogs.permissions.who')}</span>
            </th>
            {PERMISSION_KINDS.map((what) => (
              <th key={what} scope="col">
                {kindLabel(what)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PERMISSION_CLASSES.map((who) => (
            <tr key={who}>
              <th scope="row">{classLabel(who)}</th>
              {PERMISSION_KINDS.map((what) => (
                <td key={what}>
                  <input
                    type="checkbox"
                    aria-label={t('dialogs.permissions.box', { who, what })}
                    checked={hasPermission(mode, who, what)}
                    onChange={(e) => setMode((m) => withPermission(m, who, what, e.target.checked))}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="octal-row">
        <label className="field">
          <span>{t('dialogs.permissions.numeric')}</span>
          <input
            className="octal-input mono"
            aria-label={t('dialogs.permissions.numeric')}
            inputMode="numeric"
            value={mode}
            maxLength={4}
            aria-invalid={!valid}
            onFocus={(e) => e.currentTarget.select()}
            onChange={(e) => setMode(e.target.value.replace(/[^0-7]/g, '').slice(0, 4))}
          />
        </label>
        <code className="mode-preview" aria-label={t('dialogs.permissions.result')}>
          {valid ? permissionsFromOctal(mode) : '—'}
        </code>
      </div>
      {!valid && <p className="field-error">{t('dialogs.permissions.octalError')}</p>}
      <p className="muted small">{t('dialogs.permissions.note')}</p>
    </FormDialog>
  );
}

/** The reply's text without the code basic-ftp leaves at the start of each line (`215 UNIX`, `211-Features`). */
function replyText(reply: RawReply): string {
  const prefix = new RegExp(`^${reply.code}[ -]?`);
  return reply.message
    .split(/\r?\n/)
    .map((line) => line.replace(prefix, ''))
    .join('\n');
}

/** One raw FTP command on the browsing session; the reply shows here and in the message log. */
export function RawCommandDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'raw-command' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const [command, setCommand] = useState('');
  const [reply, setReply] = useState<RawReply | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => dispatcher.dialogs.close(dialog.id);
  const send = async () => {
    const text = command.trim();
    if (!text || busy) return;
    setBusy(true);
    const answer = await dispatcher.files.rawCommand(dialog.sessionId, text);
    setBusy(false);
    setReply(answer);
    if (answer) setCommand('');
  };
  return (
    <FormDialog
      id={dialog.id}
      top={top}
      className="raw-command-dialog"
      title={t('dialogs.raw.title')}
      onClose={close}
      submitLabel={busy ? t('dialogs.raw.sending') : t('dialogs.raw.send')}
      submitDisabled={busy || command.trim() === ''}
      closeLabel={t('common.close')}
      onSubmit={() => void send()}
    >
      <p>
        <RichText id="dialogs.raw.explain" values={{ server: dialog.label }} strong={['server']} />
      </p>
      <label className="field">
        <span>{t('dialogs.raw.command')}</span>
        <input className="mono" aria-label={t('dialogs.raw.command')} value={command} autoFocus spellCheck={false} autoComplete="off" placeholder={EXAMPLE_COMMAND} onChange={(e) => setCommand(e.target.value)} />
      </label>
      <p className="muted small">
        <Icon name="lock" /> {t('dialogs.raw.refused')}
      </p>
      {reply && (
        <div className="raw-reply" role="status" aria-label={t('dialogs.raw.reply')}>
          <span className={`reply-code${reply.code >= 400 ? ' bad' : ''}`}>{reply.code}</span>
          <pre className="mono">{replyText(reply)}</pre>
        </div>
      )}
    </FormDialog>
  );
}

/** "12,345 bytes, 2026-11-25 22:10", or what is not known. */
function factsText(facts: FileFacts): string {
  const time = formatDate(facts.modifiedAt);
  return time ? `${formatBytesExact(facts.size)}, ${time}` : formatBytesExact(facts.size);
}

/**
 * A file opened from the server was saved in its editor: upload it back (through the queue), not now, or
 * stop watching it. When the server's file changed since it was opened, the dialog says how and the
 * default (focus, Enter, Escape) is not to upload, so a colleague's edit is not overwritten by a keypress.
 */
export function EditedFileDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'edited-file' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const q = dialog.question;
  const answer = (action: 'upload' | 'ignore' | 'stop') => void dispatcher.dialogs.answerEditedFile(q.id, action);
  return (
    <Modal
      top={top}
      role="alertdialog"
      tone={q.remoteChanged ? 'warning' : 'normal'}
      className="edited-file-dialog"
      title={t('dialogs.edited.title', { name: visibleName(q.name) })}
      onClose={() => answer('ignore')}
      initialFocus={q.remoteChanged ? '.keep-button' : '.upload-button'}
      footer={
        <>
          <button type="button" className="button" onClick={() => answer('stop')}>
            {t('dialogs.edited.stopWatching')}
          </button>
          <span className="spacer" />
          <button type="button" className={`button keep-button${q.remoteChanged ? ' primary' : ''}`} onClick={() => answer('ignore')}>
            {t('dialogs.edited.dontUpload')}
          </button>
          <button type="button" className={`button upload-button${q.remoteChanged ? ' danger' : ' primary'}`} onClick={() => answer('upload')}>
            {q.remoteChanged ? t('dialogs.edited.uploadOverwrite') : t('dialogs.edited.upload')}
          </button>
        </>
      }
    >
      <p className="lead">
        <RichText id="dialogs.edited.question" values={{ target: `${q.server}:${q.remotePath}` }} strong={['target']} strongClassName="mono" />
      </p>
      {q.remoteChanged && (
        <div className="banner warning" role="alert">
          <Icon name="warning" />
          <div>
            <strong>{q.remoteNow ? t('dialogs.edited.remoteChanged') : t('dialogs.edited.remoteUnknown')}</strong>
            <p>{t('dialogs.edited.replaces')}</p>
          </div>
        </div>
      )}
      <dl className="facts compact">
        <dt>{t('dialogs.edited.yourCopy')}</dt>
        <dd>{factsText(q.local)}</dd>
        <dt>{t('dialogs.edited.whenOpened')}</dt>
        <dd>{factsText(q.remoteBefore)}</dd>
        {q.remoteChanged && q.remoteNow && (
          <>
            <dt>{t('dialogs.edited.now')}</dt>
            <dd>{factsText(q.remoteNow)}</dd>
          </>
        )}
      </dl>
      <p className="muted small">{t('dialogs.edited.note')}</p>
    </Modal>
  );
}

/**
 * A question from main with named answers: one button per choice, the first the default; Escape answers
 * the safe choice the question names (stop, don't open).
 */
export function ChoiceDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'choice' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const q = dialog.question;
  const answer = (choice: string) => void dispatcher.dialogs.answerChoice(q.id, choice);
  return (
    <Modal
      top={top}
      role="alertdialog"
      tone="warning"
      className={`choice-dialog choice-${q.topic}`}
      title={q.title}
      onClose={() => answer(q.cancelChoice)}
      initialFocus=".choice-default"
      footer={
        <>
          <span className="spacer" />
          {[...q.choices].reverse().map((c) => (
            <button key={c.id} type="button" data-choice={c.id} className={`button${c.id === q.choices[0]?.id ? ' primary choice-default' : ''}`} onClick={() => answer(c.id)}>
              {c.label}
            </button>
          ))}
        </>
      }
    >
      <p className="lead">{visibleName(q.message)}</p>
    </Modal>
  );
}

