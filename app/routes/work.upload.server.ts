/** A plan's files and its cycle's guidance, served to those who may see the plan. */
import { getPlan } from '../../src/data/plan.repository.ts';
import { data } from 'react-router';
import { readUpload, UploadIntegrityError } from '../../src/services/upload.service.ts';
import { getStore } from '../lib/store.server.ts';
import { routeFor } from '../lib/work-routes.ts';
import { requirePermission, requireUser } from '../lib/session.server.ts';
import { fail, planId, districtOfPlan, attachment } from '../lib/work-http.server.ts';

/**
 * A file of a plan (the board's minutes), for those who may see the plan: the permission is
 * checked on the plan before anything is said about the file. Served as a download with its
 * stored type, never sniffed or cached; a copy that no longer matches its hash is not served.
 */
export async function uploadDownload(request: Request, rawId: string | undefined, rawUploadId: string | undefined): Promise<Response> {
  return planFile(request, rawId, rawUploadId, '/work/plans/:id/uploads/:upload', async (id) => ({ planId: id }));
}

/** A guidance document of the plan's cycle, for those who may see the plan. */
export async function guidanceDownload(request: Request, rawId: string | undefined, rawUploadId: string | undefined): Promise<Response> {
  return planFile(request, rawId, rawUploadId, '/work/plans/:id/guidance/:upload', async (id) => {
    const store = await getStore();
    const p = await getPlan(store.db, id);
    return { cycleId: p!.cycle_id };
  });
}

async function planFile(request: Request, rawId: string | undefined, rawUploadId: string | undefined, path: string, scope: (planId: number) => Promise<{ planId?: number; cycleId?: number }>): Promise<Response> {
  const user = await requireUser(request);
  const id = planId(rawId);
  requirePermission(user, routeFor('GET', path).permission!, await districtOfPlan(id));
  if (!rawUploadId || !/^\d{1,9}$/.test(rawUploadId)) throw data('There is no such file.', { status: 404 });
  const store = await getStore();
  let file;
  try {
    file = await readUpload(store.db, Number(rawUploadId), await scope(id));
  } catch (e) {
    if (e instanceof UploadIntegrityError) {
      console.error(`upload ${e.uploadId}: ${e.message}`);
      throw data('The stored copy of this file no longer matches the file that was uploaded, so it is not served. The problem is logged; an administrator needs to restore the file.', { status: 500 });
    }
    fail(e);
  }
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Length': String(file.size),
      'Content-Disposition': attachment(file.name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}
