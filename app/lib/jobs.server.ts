/**
 * The background jobs (deadline reminders, e-mail delivery) on the web application's own
 * database connection — on SQLite a second connection in the same process could wait on the
 * first. The server starts them through the build (see server.ts).
 */
import { startJobs, type JobRunner } from '../../src/services/jobs.service.ts';
import { getStore } from './store.server.ts';

export async function startBackgroundJobs(log: (line: string) => void): Promise<JobRunner | null> {
  return startJobs(await getStore(), process.env, log);
}
