/**
 * The districts table's query (?q=&status=&type=&sort=&dir=), parsed strictly: a value that is
 * not one of the choices is a 400 with the reason, not a silent default. Shared by the page and
 * the API so the download is the table on the screen.
 */
import { data } from 'react-router';
import type { DistrictRow } from '../../src/services/public.service.ts';

export const SORTS = ['name', 'index', 'rank', 'enrollment', 'status', 'cohort', 'withheld'] as const;
const STATUSES = ['all', 'alliance', 'other'] as const;
const TYPES = ['all', 'local', 'regional', 'charter', 'resc', 'state-agency', 'technical', 'academy', 'goodwin', 'other'] as const;

export interface DistrictQuery {
  readonly q: string;
  readonly status: (typeof STATUSES)[number];
  readonly type: (typeof TYPES)[number];
  readonly sort: (typeof SORTS)[number];
  readonly dir: 'asc' | 'desc';
}

function oneOf<T extends string>(params: URLSearchParams, name: string, choices: readonly T[], fallback: T): T {
  const v = params.get(name);
  if (v === null || v === '') return fallback;
  if ((choices as readonly string[]).includes(v)) return v as T;
  throw data(`"${name}" must be one of: ${choices.join(', ')} (got "${v.slice(0, 40)}").`, { status: 400 });
}

export function parseDistrictQuery(params: URLSearchParams): DistrictQuery {
  const q = (params.get('q') ?? '').trim();
  if (q.length > 80) throw data('"q" is too long (80 characters at most).', { status: 400 });
  return {
    q,
    status: oneOf(params, 'status', STATUSES, 'all'),
    type: oneOf(params, 'type', TYPES, 'all'),
    sort: oneOf(params, 'sort', SORTS, 'name'),
    dir: oneOf(params, 'dir', ['asc', 'desc'] as const, 'asc'),
  };
}

const NULLS_LAST = Number.POSITIVE_INFINITY;

export function filterAndSort(rows: readonly DistrictRow[], query: DistrictQuery): DistrictRow[] {
  const needle = query.q.toLowerCase();
  const out = rows.filter(
    (r) =>
      (!needle || r.name.toLowerCase().includes(needle) || r.code.includes(needle)) &&
      (query.status === 'all' || (query.status === 'alliance') === r.alliance) &&
      (query.type === 'all' || r.orgType === query.type),
  );
  const key = (r: DistrictRow): number | string => {
    switch (query.sort) {
      case 'name':
        return r.name.toLowerCase();
      case 'index':
        return r.index ?? NULLS_LAST;
      case 'rank':
        return r.rank ?? NULLS_LAST;
      case 'enrollment':
        return r.enrollment ?? NULLS_LAST;
      case 'status':
        return r.alliance ? 0 : 1;
      case 'cohort':
        return r.firstFiscalYear ?? NULLS_LAST;
      case 'withheld':
        return r.withheldCents ?? NULLS_LAST;
    }
  };
  const sign = query.dir === 'asc' ? 1 : -1;
  return out.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    // Missing values go last whichever the direction.
    if (ka === NULLS_LAST && kb !== NULLS_LAST) return 1;
    if (kb === NULLS_LAST && ka !== NULLS_LAST) return -1;
    const c = ka < kb ? -1 : ka > kb ? 1 : 0;
    return c * sign || a.name.localeCompare(b.name);
  });
}
