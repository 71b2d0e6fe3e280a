/**
 * The simulator's scenario as it travels in the page's address, and back: every field a plain
 * query parameter, so a scenario can be bookmarked and shared. Parsing checks each value and
 * names the field it cannot read.
 */

export interface ScenarioForm {
  readonly base: string;
  readonly sel: 'count' | 'score' | 'percentile';
  readonly count: string;
  readonly score: string;
  readonly percent: string;
  readonly floor: string;
  readonly keep: boolean;
  readonly exit: string;
  readonly ties: string;
  readonly fy: string;
  readonly dataYear: string;
  /** What the scenario is compared with: the official list (the record) or the base rule on the same data. */
  readonly baseline: 'official' | 'rerun';
}

export const DEFAULT_FORM: ScenarioForm = {
  base: 'pa-22-118',
  sel: 'count',
  count: '33',
  score: '70',
  percent: '20',
  floor: '1000',
  keep: true,
  exit: '',
  ties: 'include-all',
  fy: '',
  dataYear: '',
  baseline: 'official',
};

export const ENACTED_BASES = ['pa-12-116', 'pa-17-2', 'pa-22-118'] as const;
export const TIES = ['include-all', 'exclude-all', 'fail'];

/** The form as the address gives it; absent fields keep their defaults. */
export function readForm(params: URLSearchParams): ScenarioForm {
  const submitted = params.get('run') === '1';
  const get = (k: keyof ScenarioForm, d: string) => (params.has(k) ? (params.get(k) ?? '').trim().slice(0, 20) : d);
  const sel = get('sel', DEFAULT_FORM.sel);
  return {
    base: get('base', DEFAULT_FORM.base),
    sel: sel as ScenarioForm['sel'],
    count: get('count', DEFAULT_FORM.count),
    score: get('score', DEFAULT_FORM.score),
    percent: get('percent', DEFAULT_FORM.percent),
    floor: get('floor', DEFAULT_FORM.floor),
    keep: submitted ? params.get('keep') === 'on' : DEFAULT_FORM.keep,
    exit: get('exit', DEFAULT_FORM.exit),
    ties: get('ties', DEFAULT_FORM.ties),
    fy: get('fy', DEFAULT_FORM.fy),
    dataYear: get('dataYear', DEFAULT_FORM.dataYear),
    baseline: params.get('baseline') === 'rerun' ? 'rerun' : 'official',
  };
}

/** A short title for the scenario. */
export function describe(f: ScenarioForm): string {
  const parts = [
    f.sel === 'count' ? `${f.count} lowest` : f.sel === 'score' ? `index at or below ${f.score}` : `lowest ${f.percent}%`,
    f.floor === '' ? 'no size floor' : `at least ${f.floor} students`,
    f.keep ? 'earlier designees kept' : 'no earlier designees',
  ];
  if (f.exit) parts.push(`off-ramp after ${f.exit} years`);
  if (f.fy) parts.push(`FY${f.fy}`);
  return `What if: ${parts.join(', ')}`;
}

/** The address of a scenario. */
export function formQuery(f: ScenarioForm): string {
  const p = new URLSearchParams({ run: '1', base: f.base, sel: f.sel, count: f.count, score: f.score, percent: f.percent, floor: f.floor, exit: f.exit, ties: f.ties, fy: f.fy, dataYear: f.dataYear });
  if (f.keep) p.set('keep', 'on');
  if (f.baseline !== 'official') p.set('baseline', f.baseline);
  return p.toString();
}
