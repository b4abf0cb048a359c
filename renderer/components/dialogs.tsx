/** The one switch that draws the dialog stack, and the generic confirmation; each dialog has its own file. */
import type { ReactNode } from 'react';
import { t } from '../../common/i18n/t';
import { useDispatcher } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { CertificateChangedDialog, CertificateDialog, SecurityReportDialog } from './certificate-dialogs';
import { CertificatesDialog } from './certificates-dialog';
import { PassphraseDialog, PasswordDialog, PlainFtpDialog } from './connect-dialogs';
import { DoctorDialog } from './doctor-dialog';
import { DeleteDialog, NameDialog } from './file-dialogs';
import { ImportDialog } from './import-dialog';
import { Modal } from './modal';
import { OverwriteDialog } from './overwrite-dialog';
import { ProxySettingsDialog } from './proxy-settings-dialog';
import { ChoiceDialog, EditedFileDialog, PermissionsDialog, RawCommandDialog } from './remote-dialogs';
import { SiteManager } from './site-manager';
import { SyncDialog } from './sync-dialog';

function ConfirmDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'confirm' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const close = () => dispatcher.dialogs.close(dialog.id);
  const run = async () => {
    close();
    const action = dialog.action;
    switch (action.kind) {
      case 'delete-site':
        await dispatcher.sites.delete(action.siteId);
        return;
      case 'delete-site-folder':
        await dispatcher.sites.deleteFolder(action.folderPath);
        return;
      default: {
        const never: never = action;
        throw new Error(`unknown action ${String(never)}`);
      }
    }
  };
  return (
    <Modal
      top={top}
      role="alertdialog"
      tone="danger"
      title={dialog.title}
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button danger" onClick={() => void run()}>
            {dialog.confirmLabel}
          </button>
        </>
      }
    >
      <p>{dialog.message}</p>
    </Modal>
  );
}

/** Draws one dialog of the stack, switched on its kind. */
export function DialogView({ dialog, top }: { readonly dialog: Dialog; readonly top: boolean }): ReactNode {
  switch (dialog.kind) {
    case 'site-manager':
      return <SiteManager dialog={dialog} top={top} />;
    case 'certificate':
      return <CertificateDialog dialog={dialog} top={top} />;
    case 'overwrite':
      return <OverwriteDialog dialog={dialog} top={top} />;
    case 'edited-file':
      return <EditedFileDialog dialog={dialog} top={top} />;
    case 'choice':
      return <ChoiceDialog dialog={dialog} top={top} />;
    case 'certificate-changed':
      return <CertificateChangedDialog dialog={dialog} top={top} />;
    case 'security-report':
      return <SecurityReportDialog dialog={dialog} top={top} />;
    case 'password':
      return <PasswordDialog dialog={dialog} top={top} />;
    case 'plain-ftp':
      return <PlainFtpDialog dialog={dialog} top={top} />;
    case 'new-folder':
    case 'rename':
      return <NameDialog dialog={dialog} top={top} />;
    case 'delete':
      return <DeleteDialog dialog={dialog} top={top} />;
    case 'import':
      return <ImportDialog dialog={dialog} top={top} />;
    case 'confirm':
      return <ConfirmDialog dialog={dialog} top={top} />;
    case 'permissions':
      return <PermissionsDialog dialog={dialog} top={top} />;
    case 'raw-command':
      return <RawCommandDialog dialog={dialog} top={top} />;
    case 'certificates':
      return <CertificatesDialog dialog={dialog} top={top} />;
    case 'proxy-settings':
      return <ProxySettingsDialog dialog={dialog} top={top} />;
    case 'client-key-passphrase':
      return <PassphraseDialog dialog={dialog} top={top} />;
    case 'doctor':
      return <DoctorDialog dialog={dialog} top={top} />;
    case 'sync':
      return <SyncDialog dialog={dialog} top={top} />;
    default: {
      const never: never = dialog;
      throw new Error(`unknown dialog ${JSON.stringify(never)}`);
    }
  }
}
