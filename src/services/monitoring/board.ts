/**
 * The program staff's monitoring board: for every approved plan of a cycle, its meetings (held,
 * scheduled, overdue), open and overdue follow-ups, funding areas flagged in the spend-down, goals
 * off track, conditions not yet met, and the annual review's decision — the districts that need
 * attention first.
 */
import type { Executor } from '../../data/batch.ts';
import { listDistricts } from '../../data/district.repository.ts';
import { followUpsOfPlans, meetingsOfPlans } from '../../data/monitoring.repository.ts';
import { plansOfCycle } from '../../data/plan.repository.ts';
import type { IsoDate } from '../../domain/time/fiscal-year.ts';
import type { ReviewDecision } from '../../domain/workflow/annual-review.ts';
import { followUpStatus, meetingStatus } from '../../domain/workflow/monitoring.ts';
import { requireCycle } from '../plans/core.ts';
import { annualReviewOf } from './annual-review.ts';
import { progressOf } from './progress.ts';
import { spendingOf } from './spending.ts';

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

export async function monitoringBoard(db: Executor, cycleId: number, today: IsoDate): Promise<MonitoringBoardRow[]> {
  await requireCycle(db, cycleId);
  const plans = (await plansOfCycle(db, cycleId)).filter((p) => p.approved_version !== null);
  const ids = plans.map((p) => p.id);
  const meetings = await meetingsOfPlans(db, ids);
  const followUps = await followUpsOfPlans(db, ids);
  const names = new Map((await listDistricts(db)).map((d) => [d.code as string, d.name]));
  const rows: MonitoringBoardRow[] = [];
  for (const p of plans) {
    const ms = meetings.filter((m) => m.planId === p.id).map((m) => ({ ...m, status: meetingStatus(m, today) }));
    const fs = followUps.filter((f) => f.planId === p.id).map((f) => followUpStatus(f, today));
    const spending = await spendingOf(db, p.id, today);
    const progress = await progressOf(db, p.id);
    const review = await annualReviewOf(db, p.id);
    const row = {
      planId: p.id,
      districtCode: p.district_code,
      districtName: names.get(p.district_code) ?? p.district_code,
      meetings: { held: ms.filter((m) => m.status === 'held').length, scheduled: ms.filter((m) => m.status === 'scheduled').length, overdue: ms.filter((m) => m.status === 'overdue').length },
      nextMeeting: ms.filter((m) => m.status === 'scheduled').map((m) => m.scheduledOn).sort()[0] ?? null,
      followUps: { open: fs.filter((s) => s !== 'done').length, overdue: fs.filter((s) => s === 'overdue').length },
      flaggedAreas: spending.spendDown?.areas.filter((a) => a.flags.length).length ?? 0,
      goalsOffTrack: progress?.goals.filter((g) => g.status === 'off-track').length ?? 0,
      conditionsUnmet: progress?.conditions.filter((c) => c.met !== true).length ?? 0,
      review: review?.decision ?? null,
    };
    rows.push({ ...row, attention: row.meetings.overdue + row.followUps.overdue + row.flaggedAreas + row.goalsOffTrack + row.conditionsUnmet > 0 });
  }
  // Those that need attention first, then by name.
  return rows.sort((a, b) => Number(b.attention) - Number(a.attention) || a.districtName.localeCompare(b.districtName));
}
