/**
 * Accounts, sessions and the annual plan workflow: cycles, plans and their versions, board
 * approvals, certifications, reviews, comments, decisions, releases of funds, uploads, the
 * hash-chained audit trail, the e-mail outbox and the job queue.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { SqlDialect } from '../database.ts';

export function workflow(dialect: SqlDialect) {
  const id = dialect === 'postgres' ? 'serial' : 'integer';
  const pk = (c: ColumnDefinitionBuilder) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('app_user')
        .addColumn('id', id, pk)
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('oidc_issuer', 'text')
        .addColumn('oidc_subject', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('app_user_oidc', ['oidc_issuer', 'oidc_subject'])
        .execute();

      await db.schema
        .createTable('user_grant')
        .addColumn('id', id, pk)
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('user_grant_user').on('user_grant').column('user_id').execute();

      await db.schema
        .createTable('session')
        .addColumn('id', id, pk)
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();

      await db.schema
        .createTable('login_attempt')
        .addColumn('id', id, pk)
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('success', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_attempt_ip').on('login_attempt').columns(['ip', 'at']).execute();

      await db.schema
        .createTable('user_token')
        .addColumn('id', id, pk)
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('used_at', 'text')
        .addColumn('last_used_at', 'text')
        .execute();

      await db.schema
        .createTable('cycle')
        .addColumn('id', id, pk)
        .addColumn('fiscal_year', 'integer', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('deadlines', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();

      await db.schema
        .createTable('plan')
        .addColumn('id', id, pk)
        .addColumn('cycle_id', 'integer', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('allocation_cents', 'bigint', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('current_version', 'integer', (c) => c.notNull())
        .addColumn('approved_version', 'integer')
        .addColumn('board_approved_version', 'integer')
        .addColumn('certified_version', 'integer')
        .addColumn('reviewers', 'text', (c) => c.notNull())
        .addColumn('funds_released', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('amendment', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('plan_cycle_district', ['cycle_id', 'district_code'])
        .execute();

      await db.schema
        .createTable('plan_version')
        .addColumn('id', id, pk)
        .addColumn('plan_id', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('budget', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('plan_version_unique', ['plan_id', 'version'])
        .execute();

      await db.schema
        .createTable('plan_event')
        .addColumn('id', id, pk)
        .addColumn('plan_id', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('on_behalf_of', 'integer')
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('plan_event_plan').on('plan_event').columns(['plan_id', 'kind']).execute();

      await db.schema
        .createTable('upload')
        .addColumn('id', id, pk)
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('storage', 'text', (c) => c.notNull())
        .addColumn('content', blob)
        .addColumn('path', 'text')
        .addColumn('uploaded_by', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('audit_event')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('on_behalf_of', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_event_subject').on('audit_event').column('subject').execute();
      // One row: the chain's head. Appending locks it, so two appends cannot both take the same place.
      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.insertInto('audit_head' as never).values({ id: 1, seq: 0, hash: '0'.repeat(64) } as never).execute();

      await db.schema
        .createTable('outbox')
        .addColumn('id', id, pk)
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .addColumn('error', 'text')
        .execute();

      await db.schema
        .createTable('job')
        .addColumn('id', id, pk)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('job_due').on('job').columns(['status', 'run_at']).execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const t of ['job', 'outbox', 'audit_head', 'audit_event', 'upload', 'plan_event', 'plan_version', 'plan', 'cycle', 'user_token', 'login_attempt', 'session', 'user_grant', 'app_user']) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}
