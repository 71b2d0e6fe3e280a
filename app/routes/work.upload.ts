/**
 * A file of a plan (the board's minutes) as a download. Under the plan's address, so the
 * permission is checked on the plan's district before anything is said about the file.
 */
import type { LoaderFunctionArgs } from 'react-router';
import { uploadDownload } from './work.upload.server.ts';

export async function loader({ request, params }: LoaderFunctionArgs) {
  return uploadDownload(request, params.id, params.upload);
}
