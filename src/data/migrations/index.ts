/**
 * Migrations in TypeScript, in order. Each runs on SQLite and PostgreSQL; a migration that
 * needs a dialect-specific type asks for the dialect.
 */
import type { Migration, MigrationProvider } from 'kysely/migration';
import type { SqlDialect } from '../database.ts';
import { initial } from './001-initial.ts';
import { workflow } from './002-workflow.ts';
import { uploads } from './003-uploads.ts';
import { notices } from './004-notices.ts';
import { delegation } from './005-delegation.ts';
import { guidance } from './006-guidance.ts';
import { oidcLogout } from './007-oidc-logout.ts';
import { extensions } from './008-extensions.ts';
import { fundRelease } from './009-fund-release.ts';
import { tokensAndResets } from './010-tokens-and-resets.ts';
import { schedule } from './011-schedule.ts';
import { monitoring } from './012-monitoring.ts';
import { expenditures } from './013-expenditures.ts';
import { progress } from './014-progress.ts';
import { budgetRevisions } from './015-budget-revisions.ts';
import { annualReview } from './016-annual-review.ts';
import { meetingRecords } from './017-meeting-records.ts';
import { supportAssignments } from './018-support-assignments.ts';

export function migrations(dialect: SqlDialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '001-initial': initial(dialect),
        '002-workflow': workflow(dialect),
        '003-uploads': uploads(),
        '004-notices': notices(dialect),
        '005-delegation': delegation(dialect),
        '006-guidance': guidance(),
        '007-oidc-logout': oidcLogout(),
        '008-extensions': extensions(),
        '009-fund-release': fundRelease(dialect),
        '010-tokens-and-resets': tokensAndResets(dialect),
        '011-schedule': schedule(),
        '012-monitoring': monitoring(dialect),
        '013-expenditures': expenditures(dialect),
        '014-progress': progress(dialect),
        '015-budget-revisions': budgetRevisions(dialect),
        '016-annual-review': annualReview(),
        '017-meeting-records': meetingRecords(),
        '018-support-assignments': supportAssignments(dialect),
      };
    },
  };
}
