/**
 * Runs a parsed monitoring command on one plan's page: the meeting or follow-up it names must be
 * that plan's (a permission on one plan never reaches another's records).
 */
import type { Store } from '../../data/database.ts';
import { getFollowUp, getMeeting } from '../../data/monitoring.repository.ts';
import type { User } from '../auth.service.ts';
import { WorkflowError } from '../plans/core.ts';
import type { MonitoringCommand } from './command-schema.ts';
import { completeFollowUp, proposeAgendaItem, recordMeeting, scheduleMeeting } from './meetings.ts';
import { importExpenditures } from './spending.ts';
import { addConditionEvidence, progressOf, readGoalValuesFromData, recordGoalValue, reviewConditionItem, setImplementation } from './progress.ts';
import { getPlan } from '../../data/plan.repository.ts';
import { getCycle } from '../../data/cycle.repository.ts';
import { fiscalYearToSchoolYear } from '../../domain/time/fiscal-year.ts';
import { decideRevision, requestRevision } from './revisions.ts';
import { recordAnnualReview } from './annual-review.ts';
import { getRevision } from '../../data/revision.repository.ts';
import { getAssignment } from '../../data/support.repository.ts';
import { assignSupport, decideSupport, submitSupportEvidence } from '../support/assignments.ts';
import { dollarsToCents } from '../../domain/money/cents.ts';
import { CommandInputError } from '../plans/run.ts';
import { prepareUpload, UploadError } from '../upload.service.ts';
import { cents, formatUsd } from '../../domain/money/cents.ts';

export async function runMonitoringCommand(store: Store, user: User, planId: number, c: MonitoringCommand): Promise<{ message: string }> {
  const notHere = () => new WorkflowError('not_found', 'There is no such meeting, follow-up, revision or support on this plan.', 404);
  if ('meetingId' in c && (await getMeeting(store.db, c.meetingId))?.planId !== planId) throw notHere();
  if ('followUpId' in c && (await getFollowUp(store.db, c.followUpId))?.planId !== planId) throw notHere();
  if ('revisionId' in c && (await getRevision(store.db, c.revisionId))?.planId !== planId) throw notHere();
  if ('assignmentId' in c && (await getAssignment(store.db, c.assignmentId))?.planId !== planId) throw notHere();
  switch (c.intent) {
    case 'schedule-meeting': {
      const m = await scheduleMeeting(store, user, planId, c);
      return { message: `"${m.title}" is scheduled for ${m.scheduledOn}; the district is told.` };
    }
    case 'propose-agenda-item':
    case 'add-agenda-item':
      await proposeAgendaItem(store, user, c.meetingId, { text: c.text });
      return { message: 'The item is on the agenda.' };
    case 'record-meeting': {
      try {
        // The file is checked first (type, size, content) and kept in the record's transaction.
        const minutesFile = c.minutesFile ? await prepareUpload({ name: c.minutesFile.name, bytes: new Uint8Array(await c.minutesFile.arrayBuffer()) }) : null;
        const m = await recordMeeting(store, user, c.meetingId, { ...c, minutesFile, expectedRowVersion: c.rowVersion });
        const parts = [c.followUps.length ? `${c.followUps.length} follow-up${c.followUps.length === 1 ? '' : 's'}` : '', minutesFile ? `the minutes (${minutesFile.checked.name})` : '', c.conditionReviews.length ? `${c.conditionReviews.length} condition${c.conditionReviews.length === 1 ? '' : 's'} reviewed` : ''].filter(Boolean);
        return { message: `The meeting of ${m.heldOn} is recorded${parts.length ? `, with ${parts.join(' and ')}` : ''}.` };
      } catch (e) {
        if (e instanceof UploadError) throw new CommandInputError(`${e.message} Nothing was recorded.`, { minutesFile: e.short }, e.status);
        throw e;
      }
    }
    case 'complete-follow-up':
      await completeFollowUp(store, user, c.followUpId, { note: c.note });
      return { message: 'The follow-up is marked done.' };
    case 'record-goal-value':
      await recordGoalValue(store, user, planId, c);
      return { message: `The value as of ${c.asOf} is recorded.` };
    case 'read-goal-values': {
      const found = await readGoalValuesFromData(store, user, planId);
      const goals = new Map(((await progressOf(store.db, planId))?.goals ?? []).map((g) => [g.goal.id, g.goal.description || g.goal.indicator]));
      const year = await planSchoolYear(store, planId);
      const said = found.map((f) => {
        const name = goals.get(f.goalId) ?? f.goalId;
        if (f.outcome === 'no-data') return `${name}: no ${year} value is imported yet${f.latestYear ? ` (the latest is ${f.latestYear})` : ''}`;
        return `${name}: ${f.value} as of ${f.asOf}, ${f.outcome === 'recorded' ? 'recorded' : 'already recorded'} (${f.source})`;
      });
      return { message: `Read from the imported data. ${said.join('; ')}.` };
    }
    case 'assign-support': {
      const a = await assignSupport(store, user, planId, c);
      return { message: `The support is assigned, due ${a.dueOn}; its owner is told by the reminders.` };
    }
    case 'submit-support-evidence':
      await submitSupportEvidence(store, user, c.assignmentId, c);
      return { message: 'The evidence is given; the state reviews it.' };
    case 'decide-support': {
      const a = await decideSupport(store, user, c.assignmentId, { accept: c.decision === 'accept', note: c.note });
      return { message: a.status === 'accepted' ? 'The support is accepted.' : 'The evidence is returned to the district with your note.' };
    }
    case 'set-implementation':
      await setImplementation(store, user, planId, c);
      return { message: 'The strategy\'s implementation status is saved.' };
    case 'add-condition-evidence':
      await addConditionEvidence(store, user, planId, c);
      return { message: 'The evidence is recorded; the state reviews it.' };
    case 'review-condition':
      await reviewConditionItem(store, user, planId, c);
      return { message: c.met ? 'The condition is recorded as met.' : 'The condition is recorded as not met yet.' };
    case 'request-revision': {
      const transfers = c.transfers
        .filter((t) => t.fromLineId || t.toLineId || t.amount)
        .map((t, i) => {
          try {
            return { fromLineId: t.fromLineId, toLineId: t.toLineId, amountCents: dollarsToCents(t.amount) };
          } catch {
            throw new CommandInputError('Give the amount in dollars (e.g. 2,500).', { [`transfers.${i}.amount`]: 'An amount in dollars.' });
          }
        });
      const r = await requestRevision(store, user, planId, { transfers, reason: c.reason });
      return { message: r.status === 'pending' ? `Revision ${r.number} is sent to the state for approval: it moves more than the cycle's threshold of a funding area.` : `Revision ${r.number} is recorded; the budget in force is revised.` };
    }
    case 'decide-revision': {
      const r = await decideRevision(store, user, c.revisionId, c.decision === 'approve');
      return { message: `Revision ${r.number} is ${r.status}.` };
    }
    case 'record-annual-review':
      await recordAnnualReview(store, user, planId, c);
      return { message: 'The annual review is recorded and signed; the district and the next cycle\'s reviewers see it.' };
    case 'import-expenditures': {
      const m = c.mapping;
      const mapping = m?.date && m.amount ? { date: m.date, amount: m.amount, line: m.line || null, area: m.area || null, objectCode: m.objectCode || null, description: m.description || null } : null;
      const { report, duplicate } = await importExpenditures(store, user, planId, { name: c.file.name, bytes: new Uint8Array(await c.file.arrayBuffer()), period: c.period, mapping });
      return {
        message: duplicate
          ? `This file was imported already (${report.period}, ${report.at.slice(0, 10)}); nothing changed.`
          : `Imported ${report.rows} expenditure${report.rows === 1 ? '' : 's'} for ${report.period}, ${formatUsd(cents(report.totalCents))} in all.`,
      };
    }
  }
}

async function planSchoolYear(store: Store, planId: number): Promise<string> {
  const p = await getPlan(store.db, planId);
  const c = p ? await getCycle(store.db, p.cycle_id) : null;
  return c ? fiscalYearToSchoolYear(c.fiscalYear) : 'the plan year\'s';
}
