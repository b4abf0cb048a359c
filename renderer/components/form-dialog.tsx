/** The dialog shape several dialogs share: one form, Cancel, and a primary button that submits it (so Enter does too). */
import { t } from '../../common/i18n/t';
import { useState, type ReactNode } from 'react';
import { useDispatcher } from '../hooks';
import { Modal, type ModalProps } from './modal';

/** Props of FormDialog: the form's id comes from the dialog's, so two stacked dialogs never share one. */
export interface FormDialogProps extends Pick<ModalProps, 'top' | 'title' | 'onClose' | 'className' | 'initialFocus' | 'children'> {
  readonly id: string;
  readonly onSubmit: () => void;
  readonly submitLabel: ReactNode;
  readonly submitDisabled?: boolean;
  /** default: Cancel */
  readonly closeLabel?: string;
}

/** A modal whose body is one form. */
export function FormDialog({ id, top, title, onClose, className, initialFocus, children, onSubmit, submitLabel, submitDisabled, closeLabel = t('common.cancel') }: FormDialogProps): ReactNode {
  return (
    <Modal
      top={top}
      className={className}
      title={title}
      onClose={onClose}
      initialFocus={initialFocus}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {closeLabel}
          </button>
          <button type="submit" form={`${id}-form`} className="button primary" disabled={submitDisabled}>
            {submitLabel}
          </button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
    </Modal>
  );
}

/**
 * Asks for a secret used for one connection only (a site's password, a client key's passphrase): the
 * dialog closes and `connect` gets it; nothing saves it.
 */
export function SecretPromptDialog({
  id,
  top,
  title,
  label,
  inputLabel,
  connect,
  children,
}: {
  readonly id: string;
  readonly top: boolean;
  readonly title: string;
  readonly label: string;
  readonly inputLabel: string;
  readonly connect: (secret: string) => void;
  readonly children: ReactNode;
}): ReactNode {
  const dispatcher = useDispatcher();
  const [secret, setSecret] = useState('');
  const close = () => dispatcher.dialogs.close(id);
  return (
    <FormDialog
      id={id}
      top={top}
      title={title}
      onClose={close}
      submitLabel={t('dialogs.connect')}
      onSubmit={() => {
        close();
        connect(secret);
      }}
    >
      {children}
      <label className="field">
        <span>{label}</span>
        <input type="password" aria-label={inputLabel} value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" />
      </label>
    </FormDialog>
  );
}
