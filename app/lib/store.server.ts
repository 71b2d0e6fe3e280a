/**
 * The web application's database, opened once per process from DATABASE_URL; an empty
 * embedded SQLite database is filled with Connecticut's data on first start.
 */
import type { Store } from '../../src/data/database.ts';
import { dataVersion, openAppStore } from '../../src/services/store.service.ts';

let opening: Promise<Store> | undefined;

export function getStore(): Promise<Store> {
  opening ??= openAppStore(process.env, (m) => console.log(m));
  return opening;
}

/**
 * Memoises a computation per data version: public figures change only when data is imported.
 * Kept small; a second process computes its own.
 */
const memo = new Map<string, { version: string; value: Promise<unknown> }>();

export async function cached<T>(key: string, compute: (store: Store) => Promise<T>): Promise<T> {
  const store = await getStore();
  const version = await dataVersion(store);
  const hit = memo.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = compute(store);
  memo.set(key, { version, value });
  if (memo.size > 500) memo.delete(memo.keys().next().value!);
  value.catch(() => memo.delete(key));
  return value;
}
