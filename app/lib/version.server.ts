import { dataVersion } from '../../src/services/store.service.ts';
import { CODE_VERSION } from '../../src/services/version.ts';
import { getStore } from './store.server.ts';

/** Changes when data is imported (or the code is upgraded): cached pages are then stale. */
export async function dataVersionNow(): Promise<string> {
  return `${CODE_VERSION}:${await dataVersion(await getStore())}`;
}
