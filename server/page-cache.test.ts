import { describe, expect, it } from 'vitest';
import { materialise, PageCache } from './page-cache.ts';

describe('the page cache', () => {
  it('serves an entry only at the data version it was made at, and drops the least recently used', async () => {
    const cache = new PageCache(2);
    const a = await materialise(new Response('a'.repeat(2000), { headers: { 'content-type': 'text/html' } }), 'v1');
    expect(a.gzip).not.toBeNull();
    expect(a.etag).toMatch(/^"[\w-]+"$/);
    cache.set('/a', a);
    expect(cache.get('/a', 'v1')).toBe(a);
    expect(cache.get('/a', 'v2')).toBeNull();
    cache.set('/b', await materialise(new Response('b'), 'v1'));
    cache.get('/a', 'v1'); // /a used last
    cache.set('/c', await materialise(new Response('c'), 'v1'));
    expect(cache.size).toBe(2);
    expect(cache.get('/b', 'v1')).toBeNull();
    expect(cache.get('/a', 'v1')).not.toBeNull();
  });

  it('keeps the response headers but not its length, encoding or ETag', async () => {
    const r = await materialise(new Response('x', { headers: { 'content-type': 'text/plain', etag: '"theirs"', 'x-kept': '1' } }), 'v');
    expect(Object.fromEntries(r.headers)).toMatchObject({ 'content-type': 'text/plain', 'x-kept': '1' });
    expect(r.headers.some(([k]) => k === 'etag')).toBe(false);
    expect(r.gzip).toBeNull(); // too small to be worth it
  });
});
