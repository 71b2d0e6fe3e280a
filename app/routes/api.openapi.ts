import { OPENAPI } from '../lib/openapi.ts';

export function loader() {
  return Response.json(OPENAPI);
}
