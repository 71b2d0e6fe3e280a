/**
 * Just enough of the zip format to look inside an Office file before anything parses it: the
 * entries of the central directory (names, sizes, where their data is) and one entry's bytes,
 * inflated with a hard limit on how much may come out. The bytes are the sender's: every offset
 * is checked, and an entry that says it is small but inflates to more is stopped at the limit.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is not read. */
  readonly method: number;
  readonly compressedSize: number;
  /** As the archive declares it (checked again when the entry is read). */
  readonly size: number;
  readonly localHeaderOffset: number;
}

/**
 * The entries of a zip file's central directory, or null if it is not a readable zip (or a
 * zip64, which no document of a size we accept needs).
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.length;
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
  let eocd = -1;
  for (let i = len - 22; i >= Math.max(0, len - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff || offset + size > eocd) return null;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) return null;
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > eocd || compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) return null;
    entries.push({ name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)), method, compressedSize, size: uncompressedSize, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's content would be larger than allowed: reading stopped there. */
export class ZipLimitError extends Error {
  readonly entry: string;
  readonly limit: number;
  constructor(entry: string, limit: number) {
    super(`The entry "${entry.slice(0, 80)}" inflates to more than ${limit} bytes.`);
    this.name = 'ZipLimitError';
    this.entry = entry;
    this.limit = limit;
  }
}

/**
 * One entry's bytes, inflated to at most `maxBytes` (ZipLimitError past it, whatever the entry
 * declares); null if the entry cannot be read (a damaged archive or an unknown method).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return null;
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipLimitError(entry.name, maxBytes);
    return data;
  }
  if (entry.method !== 8) return null;
  try {
    return new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) }));
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipLimitError(entry.name, maxBytes);
    return null;
  }
}

/**
 * One entry's bytes, inflated chunk by chunk and handed to `onChunk` (never held whole), at most
 * `maxBytes` in all (ZipLimitError past it, whatever the entry declares). Answers the bytes
 * inflated, or null if the entry cannot be read (a damaged archive or an unknown method).
 */
export async function scanZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number, onChunk: (chunk: Uint8Array) => void): Promise<number | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return null;
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipLimitError(entry.name, maxBytes);
    onChunk(data);
    return data.length;
  }
  if (entry.method !== 8) return null;
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  inflate.end(data);
  let total = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) {
        inflate.destroy();
        throw new ZipLimitError(entry.name, maxBytes);
      }
      onChunk(chunk);
    }
  } catch (e) {
    if (e instanceof ZipLimitError) throw e;
    return null;
  }
  return total;
}

