/**
 * A guidance document of the plan's cycle, as a download; under the plan's address, so the
 * permission is checked on the plan's district before anything is said about the file.
 */
import type { LoaderFunctionArgs } from 'react-router';
import { guidanceDownload } from './work.upload.server.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  return guidanceDownload(request, params.id, params.upload);
}
