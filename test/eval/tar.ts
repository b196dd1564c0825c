/**
 * Just enough of the tar format to read files out of an npm package tarball (gzip'd ustar,
 * with pax or GNU long-name records for paths over 100 characters).
 */
import { gunzipSync } from 'node:zlib';

/** One regular file of a tarball: its path as stored (usually `package/…`) and its bytes. */
export interface TarEntry {
  path: string;
  data: Buffer;
}

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? raw.length : nul).toString('utf8');
}

function octal(block: Buffer, start: number, length: number): number {
  const text = field(block, start, length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

/** The `path=` record of a pax extended header, if any. */
function paxPath(data: Buffer): string | undefined {
  for (const line of data.toString('utf8').split('\n')) {
    const m = /^\d+ path=(.*)$/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

/** Every regular file of a `.tgz`, in archive order. Throws on a truncated archive. */
export function readTarball(tgz: Buffer): TarEntry[] {
  const tar = gunzipSync(tgz);
  const out: TarEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const size = octal(header, 124, 12);
    const type = String.fromCharCode(header[156] || 48);
    const dataStart = offset + 512;
    if (dataStart + size > tar.length) throw new Error('truncated tarball');
    const data = tar.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / 512) * 512;
    if (type === 'x') longName = paxPath(data) ?? longName;
    else if (type === 'L') longName = field(data, 0, data.length);
    else if (type === 'g') continue;
    else {
      const prefix = field(header, 345, 155);
      const name = field(header, 0, 100);
      const path = longName ?? (prefix ? `${prefix}/${name}` : name);
      longName = undefined;
      if (type === '0' || type === '7') out.push({ path, data: Buffer.from(data) });
    }
  }
  return out;
}
