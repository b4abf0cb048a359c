import type { OverwriteAnswer, OverwriteChoice, OverwriteQuestion, TransferDirection } from '../../common/models/transfer';
import { cancelledError } from './retry-policy';
import type { OverwriteConflict } from './transfer-runner';

interface PendingQuestion {
  readonly question: OverwriteQuestion;
  readonly resolve: (choice: OverwriteChoice) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The overwrite questions of running transfers, shown one at a time: the first asked is the one the user
 * sees; the others wait behind it, and one whose transfer is stopped is withdrawn.
 */
export class OverwriteQuestions {
  private readonly pending: PendingQuestion[] = [];
  private readonly listeners = new Set<(question: OverwriteQuestion | null) => void>();

  constructor(private readonly createId: () => string) {}

  /** The question the user should see now, or null. */
  get current(): OverwriteQuestion | null {
    return this.pending[0]?.question ?? null;
  }

  /** The question to show (or null to close the dialog) whenever it changes. */
  onDidChange(listener: (question: OverwriteQuestion | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks about one conflict of a running item; rejected as cancelled when `signal` aborts first. */
  ask(itemId: string, direction: TransferDirection, conflict: OverwriteConflict, signal: AbortSignal): Promise<OverwriteChoice> {
    return new Promise<OverwriteChoice>((resolve, reject) => {
      const question: OverwriteQuestion = {
        id: this.createId(),
        itemId,
        direction,
        sourcePath: conflict.sourcePath,
        targetPath: conflict.targetPath,
        source: conflict.source,
        target: conflict.target,
      };
      const pending: PendingQuestion = { question, resolve, reject };
      this.pending.push(pending);
      signal.addEventListener('abort', () => {
        const index = this.pending.indexOf(pending);
        if (index < 0) return;
        this.pending.splice(index, 1);
        reject(cancelledError());
        if (index === 0) this.emit();
      }, { once: true });
      if (this.pending.length === 1) this.emit();
    });
  }

  /**
   * Answers an open question: `applyChoice` gets its item first (to make the choice the item's policy, or
   * with `applyToAll` every item's); with `applyToAll` the questions waiting behind get the same answer.
   * Returns false for an unknown or already answered question.
   */
  answer(answer: OverwriteAnswer, applyChoice: (itemId: string) => void): boolean {
    const index = this.pending.findIndex((q) => q.question.id === answer.questionId);
    if (index < 0) return false;
    const [pending] = this.pending.splice(index, 1) as [PendingQuestion];
    applyChoice(pending.question.itemId);
    pending.resolve(answer.choice);
    if (answer.applyToAll) {
      for (const waiting of this.pending.splice(0)) waiting.resolve(answer.choice);
    }
    this.emit();
    return true;
  }

  /** Withdraws every question (a quit): the transfers asking see `cancelled`. */
  withdrawAll(): void {
    for (const pending of this.pending.splice(0)) pending.reject(cancelledError());
    this.emit();
  }

  private emit(): void {
    const question = this.current;
    for (const listener of this.listeners) listener(question);
  }
}
