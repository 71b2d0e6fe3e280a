/**
 * Every public page in English at /… and in Spanish at /es/…, the open-data API and its
 * reference, and a not-found page.
 */
import { type RouteConfig, type RouteConfigEntry, index, route } from '@react-router/dev/routes';

const PAGES: readonly [path: string, file: string][] = [
  ['', 'routes/home.tsx'],
  ['districts', 'routes/districts.tsx'],
  ['districts/:code', 'routes/district.tsx'],
  ['designations', 'routes/designations.tsx'],
  ['scenarios', 'routes/scenarios.tsx'],
  ['about', 'routes/about.tsx'],
  ['glossary', 'routes/glossary.tsx'],
  ['outcomes', 'routes/outcomes.tsx'],
  ['evaluation', 'routes/evaluation.tsx'],
];

function pages(lang: 'en' | 'es'): RouteConfigEntry[] {
  return PAGES.map(([path, file]) => {
    const full = lang === 'es' ? (path ? `es/${path}` : 'es') : path;
    const id = `${lang}:${path || 'home'}`;
    return full ? route(full, file, { id }) : index(file, { id });
  });
}

export default [
  // One document for the whole evaluation (English, as the CLI's report), linked from /evaluation in both languages.
  route('evaluation/report', 'routes/evaluation.report.ts'),
  ...pages('en'),
  ...pages('es'),
  route('work/signin', 'routes/work.signin.tsx'),
  route('work/signout', 'routes/work.signout.tsx'),
  route('work/welcome', 'routes/work.welcome.tsx'),
  route('work/oidc/start', 'routes/work.oidc-start.ts'),
  route('work/oidc/callback', 'routes/work.oidc-callback.ts'),
  route('work', 'routes/work.home.tsx'),
  route('work/plans/:id', 'routes/work.plan.tsx'),
  route('work/plans/:id/diff', 'routes/work.plan-diff.tsx'),
  route('work/plans/:id/budget', 'routes/work.plan-budget.tsx'),
  route('work/plans/:id/budget.xlsx', 'routes/work.plan-budget-xlsx.ts'),
  route('work/plans/:id/audit', 'routes/work.plan-audit.tsx'),
  route('work/plans/:id/monitoring', 'routes/work.plan-monitoring.tsx'),
  route('work/plans/:id/uploads/:upload', 'routes/work.upload.ts'),
  route('work/plans/:id/guidance/:upload', 'routes/work.guidance.ts'),
  route('work/cycles', 'routes/work.cycles.tsx'),
  route('work/monitoring', 'routes/work.monitoring.tsx'),
  route('work/tiers', 'routes/work.tiers.tsx'),
  route('work/users', 'routes/work.users.tsx'),
  route('work/delegation', 'routes/work.delegation.tsx'),
  route('work/outbox', 'routes/work.outbox.tsx'),
  route('work/tokens', 'routes/work.tokens.tsx'),
  route('api/v1/plans', 'routes/api.v1.plans.ts', { id: 'api-plans' }),
  route('api/v1/plans/:id', 'routes/api.v1.plans.ts', { id: 'api-plan' }),
  route('api/v1/plans/:id/monitoring', 'routes/api.v1.plan-monitoring.ts'),
  route('api/openapi.json', 'routes/api.openapi.ts'),
  route('api/docs', 'routes/api.docs.tsx', { id: 'en:api-docs' }),
  route('es/api/docs', 'routes/api.docs.tsx', { id: 'es:api-docs' }),
  route('api/v1/*', 'routes/api.v1.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
