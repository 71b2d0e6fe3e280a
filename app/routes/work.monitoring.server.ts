/** The staff's monitoring board: every approved plan of each open cycle, those needing attention first, with filters. */
import type { IsoDate } from '../../src/domain/time/fiscal-year.ts';
import { monitoringBoard } from '../../src/services/monitoring/index.ts';
import { listCycles } from '../../src/services/plans/index.ts';
import { requirePermission, requireUser } from '../lib/session.server.ts';
import { getStore } from '../lib/store.server.ts';
import { routeFor } from '../lib/work-routes.ts';

export const BOARD_FILTERS = ['all', 'attention', 'overdue-follow-ups', 'spending-flags', 'goals-off-track', 'conditions'] as const;
export type BoardFilter = (typeof BOARD_FILTERS)[number];

export async function monitoringBoardData(request: Request) {
  const user = await requireUser(request);
  requirePermission(user, routeFor('GET', '/work/monitoring').permission!);
  const url = new URL(request.url);
  const raw = url.searchParams.get('show') ?? 'all';
  const show: BoardFilter = (BOARD_FILTERS as readonly string[]).includes(raw) ? (raw as BoardFilter) : 'all';
  const store = await getStore();
  const today = new Date().toISOString().slice(0, 10) as IsoDate;
  const boards = [];
  for (const c of (await listCycles(store.db)).filter((x) => x.status === 'open')) {
    const rows = (await monitoringBoard(store.db, c.id, today)).filter((r) => {
      switch (show) {
        case 'attention':
          return r.attention;
        case 'overdue-follow-ups':
          return r.followUps.overdue > 0;
        case 'spending-flags':
          return r.flaggedAreas > 0;
        case 'goals-off-track':
          return r.goalsOffTrack > 0;
        case 'conditions':
          return r.conditionsUnmet > 0;
        default:
          return true;
      }
    });
    boards.push({ cycle: { id: c.id, title: c.title }, rows });
  }
  return { show, boards };
}
