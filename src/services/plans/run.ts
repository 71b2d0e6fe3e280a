/**
 * Runs a parsed plan command: the one place a command becomes a call, for the pages and the
 * API alike. Answers with the sentence to show; a refusal is thrown (WorkflowError with its
 * status, ConflictError with what changed, CommandInputError with the fields to fix).
 */
import type { Store } from '../../data/database.ts';
import type { User } from '../auth.service.ts';
import { prepareUpload, UploadError } from '../upload.service.ts';
import type { PlanCommand } from './command-schema.ts';
import { assignReviewers, certify, checkBoardApproval, comment, decide, recommend, recordBoardApproval, releaseFunds, requestRevisions, saveDraft, score, startAmendment, submit } from './commands.ts';
import { extendDeadline } from './cycles.ts';
import { WorkflowError } from './core.ts';
import { planView } from './views.ts';

/** A command whose fields need attention, by field (shown beside them on the page; `issues` in the API). */
export class CommandInputError extends WorkflowError {
  readonly issues: Readonly<Record<string, string>>;
  constructor(message: string, issues: Record<string, string>, status = 400) {
    super('invalid', message, status, { issues });
    this.issues = issues;
  }
}

export async function runPlanCommand(store: Store, user: User, planId: number, c: PlanCommand): Promise<{ message: string }> {
  switch (c.intent) {
    case 'save': {
      const current = await planView(store.db, user, planId);
      await saveDraft(store, user, planId, { content: c.content ?? current.content, budget: c.budget ?? current.budget, expectedRowVersion: c.rowVersion });
      return { message: 'Saved as a new version.' };
    }
    case 'record-board-approval': {
      const vote = { meetingDate: c.meetingDate, votesFor: c.votesFor, votesAgainst: c.votesAgainst, abstentions: c.abstentions };
      // A wrong date or vote keeps no file; then the minutes, then the vote that points at them.
      checkBoardApproval(vote);
      const file = c.minutes && (c.minutes.size > 0 || c.minutes.name) ? c.minutes : null;
      if (!file && c.minutesUploadId === undefined) throw new CommandInputError('Attach the minutes of the board meeting. Nothing was recorded.', { minutes: 'Required.' });
      try {
        const prepared = file ? await prepareUpload({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }) : null;
        // The minutes are kept with the vote, in its transaction: a refused vote keeps no file.
        await recordBoardApproval(store, user, planId, { ...vote, minutesUploadId: prepared ? null : (c.minutesUploadId ?? null), minutes: prepared }, c.rowVersion);
        return { message: prepared ? `The board's approval is recorded, with the minutes (${prepared.checked.name}).` : "The board's approval is recorded, with the minutes." };
      } catch (e) {
        if (e instanceof UploadError) throw new CommandInputError(`${e.message} Nothing was recorded.`, { minutes: e.short }, e.status);
        throw e;
      }
    }
    case 'certify':
      if (!c.assurances) throw new CommandInputError('Accept the assurances to sign.', { assurances: 'Required.' });
      await certify(store, user, planId, c.typedName, c.rowVersion);
      return { message: 'Signed: this exact version is certified.' };
    case 'submit':
      await submit(store, user, planId, c.rowVersion);
      return { message: 'Submitted to the state. The plan is locked.' };
    case 'assign-reviewers':
      await assignReviewers(store, user, planId, c.reviewers, c.rowVersion);
      return { message: 'Reviewers assigned.' };
    case 'score':
      await score(store, user, planId, { section: c.section, score: c.score, comment: c.comment });
      return { message: 'Score recorded.' };
    case 'comment':
      await comment(store, user, planId, { body: c.body, section: c.section, internal: c.internal, parentId: c.parentId });
      return { message: c.parentId ? 'Reply posted.' : 'Comment posted.' };
    case 'request-revisions':
      await requestRevisions(store, user, planId, c.message, c.rowVersion);
      return { message: 'Sent back to the district with your comments.' };
    case 'recommend':
      await recommend(store, user, planId, c.note, c.rowVersion);
      return { message: 'Recommended to the commissioner.' };
    case 'approve':
    case 'deny':
      await decide(store, user, planId, c.intent, {}, c.rowVersion);
      return { message: c.intent === 'deny' ? 'The plan is denied.' : 'The plan is approved and published.' };
    case 'approve-with-conditions':
      await decide(store, user, planId, c.intent, { conditions: c.conditions }, c.rowVersion);
      return { message: 'The plan is approved and published.' };
    case 'release-funds':
      await releaseFunds(store, user, planId, { date: c.date }, c.rowVersion);
      return { message: 'The release of the withheld funds is recorded.' };
    case 'start-amendment':
      await startAmendment(store, user, planId, c.rowVersion);
      return { message: 'An amendment is open as a new draft.' };
    case 'extend-deadline':
      await extendDeadline(store, user, planId, { deadline: c.deadline, date: c.date, reason: c.reason });
      return { message: `The deadline is extended to ${c.date} for this district; its people are told.` };
  }
}
