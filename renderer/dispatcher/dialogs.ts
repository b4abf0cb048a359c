/** Dialogs the renderer opens, and the answers to main's questions (certificate, overwrite, edited file, choice). */
import { t } from '../../common/i18n/t';
import type { EditedFileAction, TrustDecision } from '../../common/ipc/payloads';
import type { OverwriteChoice } from '../../common/models/transfer';
import { closeDialog, openDialog, type Dialog } from '../state/dialogs';
import { wharf } from './api';
import type { NoticesController } from './notices';
import type { Stores } from './stores';

let nextDialogId = 1;
/** A fresh id for a dialog the renderer opens itself (questions use their own ids). */
export function dialogId(prefix: string): string {
  return `${prefix}-${nextDialogId++}`;
}

/** Opens and closes dialogs; answers main's questions. */
export class DialogsController {
  constructor(
    private readonly stores: Pick<Stores, 'dialogs'>,
    private readonly notices: NoticesController,
  ) {}

  /** Opens a dialog the renderer owns. */
  open(dialog: Dialog): void {
    this.stores.dialogs.update((d) => openDialog(d, dialog));
  }

  /** Closes a dialog the renderer owns. */
  close(id: string): void {
    this.stores.dialogs.update((d) => closeDialog(d, id));
  }

  /** Answers a certificate question. */
  async answerCertificate(questionId: string, decision: TrustDecision): Promise<void> {
    this.close(questionId);
    const result = await wharf().answerCertificate({ questionId, decision });
    if (!result.ok) this.notices.report(result.error);
  }

  /** Answers an overwrite question. */
  async answerOverwrite(questionId: string, choice: OverwriteChoice, applyToAll: boolean, newName?: string): Promise<void> {
    this.close(questionId);
    const result = await wharf().answerOverwrite({ questionId, choice, applyToAll, ...(newName === undefined ? {} : { newName }) });
    if (!result.ok) this.notices.report(result.error);
  }

  /** Answers "upload the edited file back?"; an upload shows in the queue like any other. */
  async answerEditedFile(questionId: string, action: EditedFileAction): Promise<void> {
    this.close(questionId);
    const result = await wharf().answerEditedFile({ questionId, action });
    if (!result.ok) this.notices.report(result.error, t('rendererWords.context.uploadEdited'));
  }

  /** Answers a question with named answers (`choiceQuestion`). */
  async answerChoice(questionId: string, choice: string): Promise<void> {
    this.close(questionId);
    const result = await wharf().answerChoice({ questionId, choice });
    if (!result.ok) this.notices.report(result.error);
  }
}
