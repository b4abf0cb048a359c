/** The queue's question when a transfer's target exists. */
import { useState, type ReactNode } from 'react';
import type { OverwriteChoice } from '../../common/models/transfer';
import { useDispatcher } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { formatBytesExact, formatDate } from '../state/format';
import { Modal } from './modal';
import { RenameAnswerField, useRenameAnswer } from './rename-answer-field';

const CHOICES: readonly { readonly value: OverwriteChoice; readonly label: string }[] = [
  { value: 'overwrite', label: 'Overwrite' },
  { value: 'overwrite-if-newer', label: 'Overwrite if newer' },
  { value: 'overwrite-if-size-differs', label: 'Overwrite if size differs' },
  { value: 'resume', label: 'Resume' },
  { value: 'rename', label: 'Rename' },
  { value: 'skip', label: 'Skip' },
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
      title="The target file already exists"
      onClose={() => answer('skip')}
      initialFocus=".ok-button"
      footer={
        <>
          <label className="check">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
            <span>Apply to all</span>
          </label>
          <span className="spacer" />
          <button type="button" className="button" onClick={() => answer('skip')}>
            Skip
          </button>
          <button type="button" className="button primary ok-button" onClick={() => answer(choice)}>
            OK
          </button>
        </>
      }
    >
      <div className="compare">
        <div>
          <h3>Source ({q.direction === 'upload' ? 'local' : 'remote'})</h3>
          <p className="mono path">{q.sourcePath}</p>
          <p>{formatBytesExact(q.source.size)}</p>
          <p>{formatDate(q.source.modifiedAt) || 'time unknown'}</p>
        </div>
        <div>
          <h3>Target ({q.direction === 'upload' ? 'remote' : 'local'})</h3>
          <p className="mono path">{q.targetPath}</p>
          <p>{formatBytesExact(q.target.size)}</p>
          <p>{formatDate(q.target.modifiedAt) || 'time unknown'}</p>
        </div>
      </div>
      <fieldset className="choices">
        <legend>What should happen?</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className="radio">
            <input type="radio" name={`overwrite-${q.id}`} value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
      {choice === 'rename' && <RenameAnswerField answer={rename} onSubmit={() => answer('rename')} />}
    </Modal>
  );
}
