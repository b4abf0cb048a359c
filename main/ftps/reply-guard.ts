import { FTPError, type FTPContext, type FTPResponse, type ResponseHandler } from 'basic-ftp';
import { commandVerb, isTransferCommand } from '../../common/models/ftp-commands';
import { isDataConnectionReply, writeTogether } from './pipeline';

/**
 * How a command's task takes part in a transfer: `command`, a transfer command (see TRANSFER_COMMANDS); `restart`,
 * REST: basic-ftp sends RETR from the task of `REST n` once it is answered with 350, so that task gets the
 * transfer's replies, but the server has RETR only after the 350; null: no transfer.
 */
function transferTaskOf(command: string): 'command' | 'restart' | null {
  if (isTransferCommand(command)) return 'command';
  return commandVerb(command) === 'REST' ? 'restart' : null;
}

/**
 * The part of a transfer's setup left to go out in one write with the transfer command. One record, taken as a
 * whole: the rider is written before EPSV, so the one cannot go out without the other.
 */
export interface DeferredTransferSetup {
  /**
   * What takes EPSV's reply: opens the data connection; throws when the reply is a refusal or unusable.
   * `inOneRecord`: EPSV and the transfer command reached the server in one TLS record (one write of at most a
   * record's plaintext), so the server read the command with the EPSV.
   */
  readonly epsv: (reply: FTPResponse, inOneRecord: boolean) => void;
  /** Commands to write before EPSV (a download's MDTM, the previous upload's rename), and what takes their replies; null: none. */
  readonly rider: { readonly commands: readonly string[]; answered(replies: readonly FTPResponse[] | null): void } | null;
}

export interface ReplyGuardHooks {
  /** The server accepted a transfer command (its first reply below 400): the data connection may start TLS. */
  transferAccepted(): void;
  /** What the data-connection strategy left to go out in one write with the transfer command; taken once, null: none. */
  takeDeferred?(): DeferredTransferSetup | null;
  /** Wording for the session log. */
  log(text: string): void;
}

/** The most plaintext one TLS record carries: a write of up to this much on a TLS socket is one record. */
const TLS_RECORD_PLAINTEXT_BYTES = 16_384;

function replyOf(response: Error | FTPResponse): FTPResponse | null {
  if (response instanceof FTPError) return { code: response.code, message: response.message };
  if (response instanceof Error) return null;
  return response;
}

/**
 * basic-ftp formats a call stack for every command it sends (`new Error().stack`, shown only in its error for a
 * task started while another runs, which our queueing rules out): 10-50 us of CPU per command, 4-5 commands per
 * small upload. Within the call no frames are taken; an error made there (a closed context's) keeps its message.
 */
function withoutTaskStacks(handle: FTPContext['handle']): FTPContext['handle'] {
  return (command, responseHandler) => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return handle(command, responseHandler);
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
}

/**
 * Keeps every command matched with its own reply. basic-ftp hands whatever reply arrives to the task that is
 * running; a late "226" would be read as the answer to the next command ("Can't parse response to 'EPSV': 226
 * Transfer complete."), and from then on every reply is one step behind. Replies with no task are already
 * dropped by basic-ftp; this drops data-connection replies that arrive during any other command.
 */
export function guardReplies(ftp: FTPContext, hooks: ReplyGuardHooks): void {
  const handle = withoutTaskStacks(ftp.handle.bind(ftp));
  ftp.handle = (command: string | undefined, responseHandler: ResponseHandler) => {
    if (command === undefined) return handle(command, responseHandler);
    const transferTask = transferTaskOf(command);
    if (transferTask !== null) {
      const transferHandler = guardTransfer(command, responseHandler, hooks);
      const deferred = hooks.takeDeferred?.() ?? null;
      if (deferred === null) return handle(command, transferHandler);
      const { epsv, rider } = deferred;
      let bytesWritten = Infinity;
      // After REST, RETR follows its 350, after EPSV's reply, so the server may not have it when the data
      // connection's TLS hello arrives (pyftpdlib resets such a connection): TLS waits for the 150.
      const commandInWrite = transferTask === 'command';
      const epsvAndTransfer = epsvFirst((reply) => epsv(reply, commandInWrite && bytesWritten <= TLS_RECORD_PLAINTEXT_BYTES), transferHandler, hooks);
      const answered = handle(undefined, rider ? ridersFirst(rider, epsvAndTransfer, hooks) : epsvAndTransfer);
      // `handle` has made the task: the replies of all of them land in it.
      if (!ftp.closed) bytesWritten = writeTogether(ftp, rider ? [...rider.commands, 'EPSV', command] : ['EPSV', command]);
      return answered;
    }
    return handle(command, (response, task) => {
      const reply = replyOf(response);
      if (reply !== null && isDataConnectionReply(reply.code)) {
        hooks.log(`Ignored a late reply about an earlier data connection (while waiting for the answer to ${command.split(' ')[0]}): ${reply.message.trim()}`);
        return;
      }
      responseHandler(response, task);
    });
  };
}

/** The handler of a transfer command's replies: drops late replies about an earlier data connection, tells when it is accepted. */
function guardTransfer(command: string, responseHandler: ResponseHandler, hooks: ReplyGuardHooks): ResponseHandler {
  let accepted = false;
  let preliminarySeen = false;
  return (response, task) => {
    const reply = replyOf(response);
    if (reply !== null && reply.code < 200) preliminarySeen = true;
    // A completion or abort before this transfer's own 1xx concerns an earlier data connection: it arrived
    // between the EPSV/PASV reply and the 150. Taken as this transfer's, a 426 fails it, a 226 ends it before
    // the server's own answer, which then lands on a later command.
    if (!preliminarySeen && reply !== null && reply.code >= 200 && isDataConnectionReply(reply.code)) {
      hooks.log(`Ignored a late reply about an earlier data connection (before the server accepted ${command.split(' ')[0]}): ${reply.message.trim()}`);
      return;
    }
    if (!accepted && reply !== null && reply.code < 400 && reply.code !== 350) {
      accepted = true;
      hooks.transferAccepted();
    }
    responseHandler(response, task);
  };
}

/**
 * The replies of EPSV and a transfer command sent together: the first (after any late data-connection reply)
 * is EPSV's, the rest the transfer's. When EPSV's is refused or unusable, the transfer command's own answer is
 * still read (a 425 "use PASV first", or a 1xx and then its end) before the transfer fails with EPSV's problem,
 * so the next command gets its own reply.
 */
function epsvFirst(takeEpsv: (reply: FTPResponse) => void, transferHandler: ResponseHandler, hooks: ReplyGuardHooks): ResponseHandler {
  let epsvAnswered = false;
  let epsvProblem: Error | null = null;
  return (response, task) => {
    const reply = replyOf(response);
    if (reply === null || (epsvAnswered && epsvProblem === null)) return transferHandler(response, task);
    if (!epsvAnswered) {
      if (isDataConnectionReply(reply.code)) {
        hooks.log(`Ignored a late reply about an earlier data connection (while waiting for the answer to EPSV): ${reply.message.trim()}`);
        return;
      }
      epsvAnswered = true;
      try {
        takeEpsv(reply);
      } catch (error) {
        epsvProblem = error instanceof Error ? error : new Error(String(error));
      }
      return;
    }
    if (reply.code >= 200 && epsvProblem !== null) task.reject(epsvProblem);
  };
}

/**
 * The replies of riders written before EPSV: the first ones (after any late data-connection reply) are theirs,
 * one per command, whatever their code. A connection lost before they were all read tells the rider so.
 */
function ridersFirst(rider: NonNullable<DeferredTransferSetup['rider']>, next: ResponseHandler, hooks: ReplyGuardHooks): ResponseHandler {
  const replies: FTPResponse[] = [];
  let done = false;
  return (response, task) => {
    if (done) return next(response, task);
    const reply = replyOf(response);
    if (reply === null) {
      done = true;
      rider.answered(null);
      return next(response, task);
    }
    if (isDataConnectionReply(reply.code)) {
      hooks.log(`Ignored a late reply about an earlier data connection (while waiting for the answer to a command sent with EPSV): ${reply.message.trim()}`);
      return;
    }
    replies.push(reply);
    if (replies.length < rider.commands.length) return;
    done = true;
    rider.answered(replies);
  };
}
