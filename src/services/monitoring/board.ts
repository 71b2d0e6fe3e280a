/**
 * The program staff's monitoring board: for every approved plan of a cycle, its meetings (held,
 * scheduled, overdue), open and overdue follow-ups, funding areas flagged in the spend-down, goals
 * off track, conditions not yet met, and the annual review's decision — the districts that need
 * attention first.
 */
import type { Executor } from '../../data/batch.ts';
import { listDistricts } from '../../data/district.repository.ts';
import { annualReviewsOfPlans } from '../../data/annual-review.repository.ts';
import { spentOfPlans } from '../../data/expenditure.repository.ts';
import { monitoringDatesOfPlans } from '../../data/monitoring.repository.ts';
import { eventsOfKind } from '../../data/plan-event.repository.ts';
import { approvedVersionsOf, plansOfCycle } from '../../data/plan.repository.ts';
import { conditionRecordsOfPlans, goalValuesOfPlans, strategyStatusesOfPlans } from '../../data/progress.repository.ts';
import { revisionsOfPlans } from '../../data/revision.repository.ts';
import type { IsoDate } from '../../domain/time/fiscal-year.ts';
import type { ReviewDecision } from '../../domain/workflow/annual-review.ts';
import { approvingDecision } from '../../domain/workflow/events.ts';
import { followUpStatus, meetingStatus } from '../../domain/workflow/monitoring.ts';
import { conditionItems } from '../../domain/workflow/progress.ts';
import { requireCycle } from '../plans/core.ts';
import { progressFrom } from './progress.ts';
import { revisedBudget } from './revisions.ts';
import { spendDownOn } from './spending.ts';

export interface MonitoringBoardRow {
  readonly planId: number;
  readonly districtCode: string;
  readonly districtName: string;
  readonly meetings: { readonly held: number; readonly scheduled: number; readonly overdue: number };
  readonly nextMeeting: string | null;
  readonly followUps: { readonly open: number; readonly overdue: number };
  readonly flaggedAreas: number;
  readonly goalsOffTrack: number;
  readonly conditionsUnmet: number;
  readonly review: ReviewDecision | null;
  /** Anything overdue, flagged or off track. */
  readonly attention: boolean;
}

/**
 * One read per table for all the cycle's approved plans (not a dozen per plan), assembled by the
 * same functions as a plan's own monitoring page: `revisedBudget`, `spendDownOn` (on totals by
 * line and area rather than rows) and `progressFrom`.
 */
export async function monitoringBoard(db: Executor, cycleId: number, today: IsoDate): Promise<MonitoringBoardRow[]> {
  const cycle = await requireCycle(db, cycleId);
  const plans = (await plansOfCycle(db, cycleId)).filter((p) => p.approved_version !== null);
  const ids = plans.map((p) => p.id);
  const { meetings, followUps } = await monitoringDatesOfPlans(db, ids);
  const approved = await approvedVersionsOf(db, ids);
  const revisions = await revisionsOfPlans(db, ids);
  const spent = await spentOfPlans(db, ids, today);
  const values = await goalValuesOfPlans(db, ids);
  const statuses = await strategyStatusesOfPlans(db, ids);
  const records = await conditionRecordsOfPlans(db, ids);
  const decisions = await eventsOfKind(db, ids, 'decision');
  const reviews = await annualReviewsOfPlans(db, ids);
  const names = new Map((await listDistricts(db)).map((d) => [d.code as string, d.name]));
  const rows: MonitoringBoardRow[] = [];
  for (const p of plans) {
    const version = approved.get(p.id);
    if (!version) continue;
    const ms = (meetings.get(p.id) ?? []).map((m) => ({ ...m, status: meetingStatus(m, today) }));
    const fs = (followUps.get(p.id) ?? []).map((f) => followUpStatus(f, today));
    const { totals, latest } = spent.get(p.id)!;
    const spendDown = spendDownOn(revisedBudget(version.budget, revisions.get(p.id)!, p, cycle), totals, latest, cycle, today);
    const progress = progressFrom({
      cycle,
      content: version.content,
      values: values.get(p.id)!,
      statuses: statuses.get(p.id)!,
      records: records.get(p.id)!,
      conditions: conditionItems(approvingDecision(decisions.get(p.id)!)?.conditions ?? null),
    });
    const row = {
      planId: p.id,
      districtCode: p.district_code,
      districtName: names.get(p.district_code) ?? p.district_code,
      meetings: { held: ms.filter((m) => m.status === 'held').length, scheduled: ms.filter((m) => m.status === 'scheduled').length, overdue: ms.filter((m) => m.status === 'overdue').length },
      nextMeeting: ms.filter((m) => m.status === 'scheduled').map((m) => m.scheduledOn).sort()[0] ?? null,
      followUps: { open: fs.filter((s) => s !== 'done').length, overdue: fs.filter((s) => s === 'overdue').length },
      flaggedAreas: spendDown.areas.filter((a) => a.flags.length).length,
      goalsOffTrack: progress.goals.filter((g) => g.status === 'off-track').length,
      conditionsUnmet: progress.conditions.filter((c) => c.met !== true).length,
      review: (reviews.get(p.id)?.decision as ReviewDecision | undefined) ?? null,
    };
    rows.push({ ...row, attention: row.meetings.overdue + row.followUps.overdue + row.flaggedAreas + row.goalsOffTrack + row.conditionsUnmet > 0 });
  }
  // Those that need attention first, then by name.
  return rows.sort((a, b) => Number(b.attention) - Number(a.attention) || a.districtName.localeCompare(b.districtName));
}
