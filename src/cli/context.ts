/**
 * What a command needs from the outside world: where to write, the environment, and the
 * database (opened on first use; an empty embedded SQLite database is filled with Connecticut's
 * data by itself).
 */
import { DEFAULT_DATABASE_URL, type Store } from '../data/database.ts';
import { openAppStore } from '../services/store.service.ts';

export class UsageError extends Error {
  readonly help: string | undefined;
  constructor(message: string, help?: string) {
    super(message);
    this.name = 'UsageError';
    this.help = help;
  }
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard error is a terminal (for progress bars). */
  readonly errIsTty: boolean;
}

export class CliContext {
  readonly io: CliIo;
  #store: Store | undefined;

  constructor(io: CliIo) {
    this.io = io;
  }

  get databaseUrl(): string {
    return this.io.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  }

  /** Opens the database; an empty SQLite database gets the embedded Connecticut dataset. */
  async store(options: { loadEmbedded?: boolean } = {}): Promise<Store> {
    if (this.#store) return this.#store;
    this.#store = await openAppStore(this.io.env, (m) => this.io.err(m), options);
    return this.#store;
  }

  async close(): Promise<void> {
    await this.#store?.close();
    this.#store = undefined;
  }
}
