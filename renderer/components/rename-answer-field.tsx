/** The overwrite question's "Rename": the new name, prefilled with the next free number and checked as typed. */
import { t } from '../../common/i18n/t';
import { useState, type ReactNode } from 'react';
import type { OverwriteQuestion } from '../../common/models/transfer';
import { useDispatcher, useStore } from '../hooks';
import { validateNewName } from '../state/pane-model';
import { entriesBesideTarget, splitTarget, suggestRename } from '../state/rename-answer';

/** The name being typed and what is wrong with it (null when it can be used). */
export interface RenameAnswer {
  readonly name: string;
  readonly error: string | null;
  readonly touched: boolean;
  setName(name: string): void;
  /** Shows the error (after an attempt to answer with it). */
  touch(): void;
}

/** The state of the name field of one overwrite question. */
export function useRenameAnswer(question: OverwriteQuestion): RenameAnswer {
  const dispatcher = useDispatcher();
  const pane = useStore(dispatcher.stores.pane(question.direction === 'upload' ? 'remote' : 'local'));
  const beside = entriesBesideTarget(question.targetPath, pane);
  const [name, setName] = useState(() => suggestRename(splitTarget(question.targetPath, pane.separator).name, beside));
  const [touched, setTouched] = useState(false);
  return {
    name,
    error: validateNewName(name, beside),
    touched,
    setName: (value) => {
      setName(value);
      setTouched(true);
    },
    touch: () => setTouched(true),
  };
}

/** The field, shown while "Rename" is chosen; Enter answers. */
export function RenameAnswerField({ answer, onSubmit }: { readonly answer: RenameAnswer; readonly onSubmit: () => void }): ReactNode {
  const invalid = answer.touched && answer.error !== null;
  return (
    <div className="rename-answer">
      <label className="field">
        <span>{t('dialogs.newName')}</span>
        <input
          aria-label={t('dialogs.newName')}
          value={answer.name}
          autoFocus
          spellCheck={false}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'rename-answer-error' : undefined}
          onFocus={(e) => {
            const dot = e.currentTarget.value.lastIndexOf('.');
            e.currentTarget.setSelectionRange(0, dot > 0 ? dot : e.currentTarget.value.length);
          }}
          onChange={(e) => answer.setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            onSubmit();
          }}
        />
      </label>
      {invalid && (
        <p className="field-error" id="rename-answer-error" role="alert">
          {answer.error}
        </p>
      )}
    </div>
  );
}
