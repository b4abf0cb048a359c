import { t } from '../../common/i18n/t';
import { randomUUID } from 'node:crypto';
import type { CertificateQuestionView, ChoiceQuestion, TrustDecision } from '../../common/ipc/payloads';
import { WharfError } from '../core/errors';
import type { EventHub } from './event-hub';

interface Waiting {
  readonly question: CertificateQuestionView;
  readonly resolve: (decision: TrustDecision) => void;
  readonly owner: string | null;
}

/**
 * Certificate questions as pending promises keyed by question id: the engine's `decideTrust` awaits one,
 * `answerCertificate` (from IPC) settles it. Each question is pushed as an event and stays listed until
 * answered or withdrawn, so a reloaded window asks again. (Overwrite questions belong to the queue's
 * scheduler, which asks them one at a time; QueueService relays them.)
 */
export class QuestionBroker {
  private readonly waiting = new Map<string, Waiting>();
  private readonly choices = new Map<string, { readonly question: ChoiceQuestion; readonly resolve: (choice: string) => void }>();

  constructor(private readonly events: EventHub) {}

  /**
   * Asks whether to trust a certificate. `owner` (a session id) lets `withdrawFor` cancel it when the
   * session is closed; a withdrawn question answers `reject`, so nothing is sent to that server.
   */
  askCertificate(question: Omit<CertificateQuestionView, 'id'>, owner: string | null = question.sessionId): Promise<TrustDecision> {
    const id = randomUUID();
    const view: CertificateQuestionView = { ...question, id };
    return new Promise<TrustDecision>((resolve) => {
      this.waiting.set(id, { question: view, resolve, owner });
      this.events.emit('certificateQuestion', view);
    });
  }

  /** Settles a question. Unknown or already answered ids are `invalid-input`. */
  answerCertificate(questionId: string, decision: TrustDecision): void {
    const entry = this.waiting.get(questionId);
    if (!entry) throw new WharfError('invalid-input', t('services.questionGone'), { detail: { questionId } });
    this.waiting.delete(questionId);
    entry.resolve(decision);
    this.events.emit('questionClosed', { questionId, reason: 'answered' });
  }

  /** Withdraws every question of an owner (a closed session), answering `reject`. */
  withdrawFor(owner: string): void {
    for (const [id, entry] of [...this.waiting]) {
      if (entry.owner === owner) this.withdraw(id);
    }
  }

  /** Withdraws everything (app shutdown); a withdrawn choice question answers its `cancelChoice`. */
  withdrawAll(): void {
    for (const id of [...this.waiting.keys()]) this.withdraw(id);
    for (const [id, entry] of [...this.choices]) {
      this.choices.delete(id);
      entry.resolve(entry.question.cancelChoice);
      this.events.emit('questionClosed', { questionId: id, reason: 'cancelled' });
    }
  }

  /** Asks a question with named answers (`choiceQuestion`); resolves with the id of the choice made. */
  askChoice(question: Omit<ChoiceQuestion, 'id'>): Promise<string> {
    const view: ChoiceQuestion = { ...question, id: randomUUID() };
    return new Promise<string>((resolve) => {
      this.choices.set(view.id, { question: view, resolve });
      this.events.emit('choiceQuestion', view);
    });
  }

  /** Settles a choice question; unknown ids and choices it did not offer are `invalid-input`. */
  answerChoice(questionId: string, choice: string): void {
    const entry = this.choices.get(questionId);
    if (!entry) throw new WharfError('invalid-input', t('services.questionGone'), { detail: { questionId } });
    if (!entry.question.choices.some((c) => c.id === choice)) throw new WharfError('invalid-input', t('services.notAnAnswer', { choice }), { detail: { questionId } });
    this.choices.delete(questionId);
    entry.resolve(choice);
    this.events.emit('questionClosed', { questionId, reason: 'answered' });
  }

  /** Open choice questions, oldest first. */
  pendingChoices(): readonly ChoiceQuestion[] {
    return [...this.choices.values()].map((c) => c.question);
  }

  /** Open questions, oldest first. */
  pending(): readonly CertificateQuestionView[] {
    return [...this.waiting.values()].map((w) => w.question);
  }

  private withdraw(id: string): void {
    const entry = this.waiting.get(id);
    if (!entry) return;
    this.waiting.delete(id);
    entry.resolve('reject');
    this.events.emit('questionClosed', { questionId: id, reason: 'cancelled' });
  }
}
