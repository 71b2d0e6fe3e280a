import type { LoaderFunctionArgs } from 'react-router';
import { budgetWorkbook } from './work.plan-budget.server.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  return budgetWorkbook(request, params.id);
}
