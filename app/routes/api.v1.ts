import type { LoaderFunctionArgs } from 'react-router';
import { handleApi } from '../lib/api.server.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(request, params['*'] ?? '');
}
