/**
 * A session opened through the identity provider keeps the ID token it came with, so signing out
 * here can end the provider's session too (OpenID Connect RP-Initiated Logout: the token is the
 * `id_token_hint`). Deleted with the session.
 */
import type { Kysely } from 'kysely';

export function oidcLogout() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('session').addColumn('oidc_id_token', 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('session').dropColumn('oidc_id_token').execute();
    },
  };
}
