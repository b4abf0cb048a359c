/** The queue's question when a transfer's target exists. */
import type { MessageId } from '../../common/i18n/catalog';
import { t } from '../../common/i18n/t';
import { useState, type ReactNode } from 'react';
import type { OverwriteChoice } from '../../common/models/transfer';
import { useDispatcher } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { formatBytesExact, formatDate } from '../state/format';
import { Modal } from './modal';
import { RenameAnswerField, useRenameAnswer } from './rename-answer-field';

const CHOICES: readonly { readonly value: OverwriteChoice; readonly label: MessageId }[] = [
  { value: 'overwrite', label: 'dialogs.overwrite.overwrite' },
  { value: 'overwrite-if-newer', label: 'dialogs.overwrite.ifNewer' },
  { value: 'overwrite-if-size-differs', label: 'dialogs.overwrite.ifSizeDiffers' },
  { value: 'resume', label: 'dialogs.overwrite.resume' },
  { value: 'rename', label: 'dialogs.overwrite.rename' },
  { value: 'skip', label: 'dialogs.overwrite.skip' },
];

export function OverwriteDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'overwrite' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const q = dialog.question;
  const [choice, setChoice] = useState<OverwriteChoice>('overwrite');
  const [all, setAll] = useState(false);
  const rename = useRenameAnswer(q);
  const answer = (c: OverwriteChoice) => {
    if (c !== 'rename') return void dispatcher.dialogs.answerOverwrite(q.id, c, all);
    if (rename.error === null) void dispatcher.dialogs.answerOverwrite(q.id, c, all, rename.name.trim());
    else rename.touch();
  };
  return (
    <Modal
      top={top}
      role="alertdialog"
      tone="warning"
      className="overwrite-dialog"
      title={t('dialogs.overwrite.title')}
      onClose={() => answer('skip')}
      initialFocus=".ok-button"
      footer={
        <>
          <label className="check">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
            <span>{t('dialogs.overwrite.applyToAll')}</span>
          </label>
          <span className="spacer" />
          <button type="button" className="button" onClick={() => answer('skip')}>
            {t('dialogs.overwrite.skip')}
          </button>
          <button type="button" className="button primary ok-button" onClick={() => answer(choice)}>
            {t('common.ok')}
          </button>
        </>
      }
    >
      <div className="compare">
        <div>
          <h3>{t('dialogs.overwrite.source', { side: q.direction === 'upload' ? 'local' : 'remote' })}</h3>
          <p className="mono path">{q.sourcePath}</p>
          <p>{formatBytesExact(q.source.size)}</p>
          <p>{formatDate(q.source.modifiedAt) || t('dialogs.overwrite.timeUnknown')}</p>
        </div>
        <div>
          <h3>{t('dialogs.overwrite.target', { side: q.direction === 'upload' ? 'remote' : 'local' })}</h3>
          <p className="mono path">{q.targetPath}</p>
          <p>{formatBytesExact(q.target.size)}</p>
          <p>{formatDate(q.target.modifiedAt) || t('dialogs.overwrite.timeUnknown')}</p>
        </div>
      </div>
      <fieldset className="choices">
        <legend>{t('dialogs.overwrite.question')}</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className="radio">
            <input type="radio" name={`overwrite-${q.id}`} value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} />
            <span>{t(c.label)}</span>
          </label>
        ))}
      </fieldset>
      {choice === 'rename' && <RenameAnswerField answer={rename} onSubmit={() => answer('rename')} />}
    </Modal>
  );
}
