import type { LoaderFunctionArgs } from 'react-router';
import { budgetWorkbook } from '../lib/work.server.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  return budgetWorkbook(request, params.id);
}
