/** The dialogs of a pane's file commands: new folder, rename, delete. */
import { t } from '../../common/i18n/t';
import { useState, type ReactNode } from 'react';
import { visibleName } from '../../common/models/visible-name';
import { useDispatcher, useStore } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { validateNewName } from '../state/pane-model';
import { FormDialog } from './form-dialog';
import { Modal } from './modal';

/** New folder, or rename: the name is checked against the folder's listing as it is typed. */
export function NameDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'new-folder' | 'rename' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const pane = useStore(dispatcher.stores.pane(dialog.side));
  const original = dialog.kind === 'rename' ? dialog.name : '';
  const [name, setName] = useState(dialog.kind === 'rename' ? dialog.name : t('dialogs.newFolder.defaultName'));
  const [touched, setTouched] = useState(false);
  const error = validateNewName(name, pane.entries, original || undefined);
  const close = () => dispatcher.dialogs.close(dialog.id);
  const submit = async () => {
    setTouched(true);
    if (error) return;
    const ok = dialog.kind === 'rename' ? await dispatcher.files.rename(dialog.side, dialog.name, name.trim()) : await dispatcher.files.mkdir(dialog.side, name.trim());
    if (ok) close();
  };
  const title = dialog.kind === 'rename' ? t('dialogs.rename.title', { name: visibleName(dialog.name) }) : t('dialogs.newFolder.title', { side: dialog.side });
  return (
    <FormDialog id={dialog.id} top={top} title={title} onClose={close} submitLabel={dialog.kind === 'rename' ? t('dialogs.rename') : t('dialogs.create')} onSubmit={() => void submit()}>
      <label className="field">
        <span>{dialog.kind === 'rename' ? t('dialogs.newName') : t('dialogs.newFolder.name')}</span>
        <input
          aria-label={dialog.kind === 'rename' ? t('dialogs.newName') : t('dialogs.newFolder.name')}
          value={name}
          autoFocus
          spellCheck={false}
          onFocus={(e) => {
            const dot = dialog.kind === 'rename' ? e.currentTarget.value.lastIndexOf('.') : -1;
            e.currentTarget.setSelectionRange(0, dot > 0 ? dot : e.currentTarget.value.length);
          }}
          onChange={(e) => {
            setName(e.target.value);
            setTouched(true);
          }}
          aria-invalid={touched && error !== null}
        />
      </label>
      {touched && error && <p className="field-error">{error}</p>}
    </FormDialog>
  );
}

/** Delete what a pane has selected: from the server, or locally to the trash. */
export function DeleteDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'delete' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const close = () => dispatcher.dialogs.close(dialog.id);
  const count = dialog.names.length;
  return (
    <Modal
      top={top}
      role="alertdialog"
      tone="danger"
      title={count === 1 ? t('dialogs.delete.titleOne', { name: visibleName(dialog.names[0] ?? '') }) : t('dialogs.delete.titleMany', { count })}
      onClose={close}
      initialFocus=".delete-button"
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button danger delete-button"
            onClick={async () => {
              close();
              await dispatcher.files.remove(dialog.side, dialog.paths, dialog.hasFolders);
            }}
          >
            {t('dialogs.delete')}
          </button>
        </>
      }
    >
      <p>
        {dialog.side === 'remote' ? t('dialogs.delete.remote') : t('dialogs.delete.local')}
        {dialog.hasFolders ? ` ${t('dialogs.delete.withFolders')}` : ''}
      </p>
      <ul className="name-list">
        {dialog.names.slice(0, 12).map((n) => (
          <li key={n} className="mono">
            {visibleName(n)}
          </li>
        ))}
        {count > 12 && <li className="muted">{t('dialogs.delete.more', { count: count - 12 })}</li>}
      </ul>
    </Modal>
  );
}
