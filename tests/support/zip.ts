/**
 * Zip files for tests, written byte by byte: stored or deflated entries, and a part that can
 * claim a size other than its own (to stand for a zip bomb that lies in its headers).
 */
import { deflateRawSync } from 'node:zlib';

export interface TestZipEntry {
  readonly name: string;
  readonly content: Uint8Array | string;
  /** The uncompressed size the headers claim (default: the real one). */
  readonly declare?: number;
}

export function zipOf(entries: readonly TestZipEntry[], options: { deflate?: boolean } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const method = options.deflate ? 8 : 0;
  for (const e of entries) {
    const n = Buffer.from(e.name);
    const raw = typeof e.content === 'string' ? Buffer.from(e.content) : Buffer.from(e.content);
    const data = options.deflate ? deflateRawSync(raw) : raw;
    const size = e.declare ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
