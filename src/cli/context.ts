/**
 * What a command needs from the outside world: where to write, the environment, and the
 * database (opened on first use; an empty embedded SQLite database is filled with Connecticut's
 * data by itself).
 */
import { DEFAULT_DATABASE_URL, openStore, type Store } from '../data/database.ts';
import { hasData, loadEmbedded } from '../data/embedded.ts';

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
    const store = await openStore(this.databaseUrl);
    this.#store = store;
    if (options.loadEmbedded !== false && store.dialect === 'sqlite' && !(await hasData(store))) {
      this.io.err(`First use of ${store.label}: loading the embedded Connecticut dataset…`);
      const { rows } = await loadEmbedded(store);
      this.io.err(`Loaded ${rows.toLocaleString('en-US')} rows (sources: dataset/connecticut/NOTICE.md).`);
    }
    return store;
  }

  async close(): Promise<void> {
    await this.#store?.close();
    this.#store = undefined;
  }
}
