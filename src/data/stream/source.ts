// Inputs as streams of text: a file, standard input, every file of a directory; gzip recognised by
// its magic bytes and unpacked as it is read; UTF-8 checked as it is decoded (a publisher's file
// that is not UTF-8 is read as ISO-8859-1, as some Comtrade downloads are, and says so). Nothing
// is read whole: the head is sniffed to tell the layout, then the rest streams past.
import { isAscii, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { DataError } from '../../errors.js';
import { clip } from './json.js';

export interface InputFile {
  /** The name as the user gave it (or a directory's entry), for messages; "<stdin>" for "-". */
  name: string;
  /** An absolute path; null for standard input. */
  path: string | null;
  /** Bytes on disk, when known (a pipe has no size). */
  size: number | null;
  /** Found by listing a directory (rather than named): a file that is not data is passed over. */
  fromDirectory?: boolean | undefined;
  /** The same file as an earlier input (by device and inode: a path, a link, a directory's entry). */
  repeatOf?: string | undefined;
  /** With repeatOf: not the same file, but a copy of it, byte for byte ("download (1).csv"). */
  copy?: boolean | undefined;
}

export interface ReadContext {
  cwd: string;
  stdin?: AsyncIterable<string | Uint8Array> | undefined;
}

/** Files a directory holds that may be data: the rest (README.txt is data too; dotfiles are not) is skipped. */
const DATA_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.dat', '.json', '.gz', '.parquet']);
/** Names in a directory that are documentation, not data (BACI's Readme.txt, a licence). */
const NOT_DATA = /^(read[-_ ]?me|licen[cs]e|copying|changelog|notice)\b/i;

function ioError(name: string, err: unknown, what = "a dataset or a publisher's download"): DataError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new DataError(`${name}: no such file (expected ${what})`);
  if (code === 'EACCES' || code === 'EPERM') return new DataError(`${name}: permission denied (the file cannot be read)`);
  if (code === 'EISDIR') return new DataError(`${name}: is a directory`);
  if (code === 'ENOTDIR') return new DataError(`${name}: a part of the path is not a directory`);
  return new DataError(`${name}: cannot be read (${(err as Error).message})`);
}

/** The files the --data values name: "-" is stdin, a directory is its data files in name order. */
export async function expandInputs(values: readonly string[], ctx: ReadContext): Promise<InputFile[]> {
  const files: InputFile[] = [];
  // A file named twice (or named and found in a directory also given) is read once.
  const seen = new Map<string, string>();
  const add = (f: InputFile, id: { dev: number; ino: number } | null) => {
    const key = id && id.ino !== 0 ? `${id.dev}:${id.ino}` : null;
    const first = key === null ? undefined : seen.get(key);
    if (key !== null && first === undefined) seen.set(key, f.name);
    files.push(first === undefined ? f : { ...f, repeatOf: first });
  };
  for (const value of values) {
    if (value === '-') {
      if (!ctx.stdin) throw new DataError('<stdin>: no standard input to read');
      files.push({ name: '<stdin>', path: null, size: null });
      continue;
    }
    const path = resolve(ctx.cwd, value);
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      throw ioError(value, err);
    }
    if (info.isDirectory()) {
      let entries;
      try {
        entries = (await readdir(path, { withFileTypes: true })).filter((e) => !e.name.startsWith('.') && !NOT_DATA.test(e.name) && DATA_EXTENSIONS.has(extname(e.name).toLowerCase()));
      } catch (err) {
        throw ioError(value, err);
      }
      const found = entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name).sort();
      if (found.length === 0) throw new DataError(`${value}: the directory holds no data files (expected ${[...DATA_EXTENSIONS].join(', ')} files)`);
      let regular = 0;
      for (const entry of found) {
        const p = join(path, entry);
        const s = await stat(p).catch((err) => {
          throw ioError(join(value, entry), err);
        });
        if (s.isFile()) {
          add({ name: join(value, entry), path: p, size: s.size, fromDirectory: true }, s);
          regular++;
        }
      }
      // Only links to folders (or other things that are no file): as empty as a folder without data.
      if (regular === 0) throw new DataError(`${value}: the directory holds no data files (expected ${[...DATA_EXTENSIONS].join(', ')} files)`);
      continue;
    }
    add({ name: value, path, size: info.isFile() ? info.size : null }, info.isFile() ? info : null);
  }
  return markCopies(files);
}

/**
 * A copy of a download (saved twice, or kept in two folders) is the same data: read once, never
 * summed twice. Only files of the same size are compared, by a hash of their bytes, so a load of
 * files of different sizes reads nothing more. A file that cannot be read is left for the reader.
 */
async function markCopies(files: InputFile[]): Promise<InputFile[]> {
  const bySize = new Map<number, number[]>();
  files.forEach((f, i) => {
    if (f.repeatOf !== undefined || f.path === null || f.size === null || f.size === 0) return;
    const list = bySize.get(f.size);
    if (list) list.push(i);
    else bySize.set(f.size, [i]);
  });
  const out = [...files];
  for (const list of bySize.values()) {
    if (list.length < 2) continue;
    const first = new Map<string, string>();
    for (const i of list) {
      const f = out[i]!;
      const digest = await hashOf(f.path!);
      if (digest === null) continue;
      const earlier = first.get(digest);
      if (earlier === undefined) first.set(digest, f.name);
      else out[i] = { ...f, repeatOf: earlier, copy: true };
    }
  }
  return out;
}

async function hashOf(path: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  } catch {
    return null;
  }
  return hash.digest('hex');
}

export interface OpenedInput {
  file: InputFile;
  /** The first bytes, decoded: enough to tell the layout. */
  head: string;
  gzip: boolean;
  /** "utf-8", or "latin1" when the head is not UTF-8 and the reader allows it. */
  encoding: 'utf-8' | 'latin1';
  /** The whole text, in chunks, the head first. Iterate this or `bytes`, once. */
  text: AsyncIterable<string>;
  /** The same as bytes (UTF-8 checked as they pass; a character may be cut between chunks). */
  bytes: AsyncIterable<Uint8Array>;
  /** Bytes read from the file so far (compressed bytes for a gzip file), for progress. */
  readonly bytesRead: number;
  /** A Parquet file (binary, columnar): read by the bulk engine, never as text. */
  parquet?: boolean | undefined;
}

const HEAD_BYTES = 64 * 1024;

async function* rawBytes(file: InputFile, ctx: ReadContext): AsyncGenerator<Buffer> {
  if (file.path === null) {
    for await (const chunk of ctx.stdin!) yield Buffer.from(chunk);
    return;
  }
  const stream = createReadStream(file.path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (err) {
    throw ioError(file.name, err);
  }
}

/** Archives tradecalc does not open, by their magic bytes. */
function archiveKind(head: Buffer): string | null {
  if (head.subarray(0, 6).equals(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]))) return 'a 7z archive';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'a zip archive';
  if (head.subarray(0, 3).equals(Buffer.from('BZh'))) return 'a bzip2 archive';
  if (head.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return 'an xz archive';
  return null;
}

function looksBinary(head: Buffer): boolean {
  const n = Math.min(head.length, 4096);
  for (let i = 0; i < n; i++) if (head[i] === 0) return true;
  return false;
}

/**
 * Opens an input for reading as text. `latin1Fallback`: a file whose head is not UTF-8 is read as
 * ISO-8859-1 (publishers' files); otherwise it is an error (our own formats are UTF-8).
 */
export async function openInput(file: InputFile, ctx: ReadContext, options: { latin1Fallback?: boolean } = {}): Promise<OpenedInput> {
  const source = rawBytes(file, ctx);
  let bytesRead = 0;
  // Collect the head: at least HEAD_BYTES of the (decompressed) stream, or all of a short one.
  const first: Buffer[] = [];
  let firstLength = 0;
  let sourceDone = false;
  while (firstLength < 2) {
    const next = await source.next();
    if (next.done) {
      sourceDone = true;
      break;
    }
    bytesRead += next.value.length;
    first.push(next.value);
    firstLength += next.value.length;
  }
  const start = Buffer.concat(first);
  const gzip = start.length >= 2 && start[0] === 0x1f && start[1] === 0x8b;

  async function* compressed(): AsyncGenerator<Buffer> {
    yield start;
    if (sourceDone) return;
    for (;;) {
      const next = await source.next();
      if (next.done) return;
      bytesRead += next.value.length;
      yield next.value;
    }
  }
  async function* decompressed(): AsyncGenerator<Buffer> {
    if (!gzip) {
      yield* compressed();
      return;
    }
    const gunzip = createGunzip();
    const feed = (async () => {
      try {
        for await (const chunk of compressed()) {
          if (!gunzip.write(chunk)) await new Promise<void>((r) => gunzip.once('drain', r));
        }
        gunzip.end();
      } catch (err) {
        gunzip.destroy(err as Error);
      }
    })();
    try {
      for await (const chunk of gunzip) yield chunk as Buffer;
    } catch (err) {
      if (err instanceof DataError) throw err;
      throw new DataError(`${file.name}: the gzip data is damaged (${(err as Error).message})`);
    }
    await feed;
  }

  const bytes = decompressed();
  const headParts: Buffer[] = [];
  let headLength = 0;
  let bytesDone = false;
  while (headLength < HEAD_BYTES) {
    const next = await bytes.next();
    if (next.done) {
      bytesDone = true;
      break;
    }
    headParts.push(next.value);
    headLength += next.value.length;
  }
  const headBytes = Buffer.concat(headParts);
  // Parquet (a columnar file that starts with "PAR1") is the bulk engine's to read, from its path.
  if (!gzip && headBytes.subarray(0, 4).toString('latin1') === 'PAR1') {
    await bytes.return(undefined);
    if (file.path === null) throw new DataError(`${file.name}: is a Parquet file: tradecalc reads Parquet from a file, not from standard input (save it to a file first)`);
    const none = (async function* () {})();
    return { file, head: '', gzip: false, encoding: 'utf-8', text: none as AsyncIterable<string>, bytes: none as AsyncIterable<Uint8Array>, bytesRead, parquet: true };
  }
  const archive = archiveKind(headBytes);
  if (archive) throw new DataError(`${file.name}: is ${archive}, not a data file (extract the file inside it first, then give tradecalc that)`);
  if (headBytes.length >= 2 && ((headBytes[0] === 0xff && headBytes[1] === 0xfe) || (headBytes[0] === 0xfe && headBytes[1] === 0xff))) {
    throw new DataError(`${file.name}: is not UTF-8 text: it is UTF-16 (save the file as UTF-8)`);
  }
  if (looksBinary(headBytes)) throw new DataError(`${file.name}: is not a text file (expected CSV, TSV or JSON, plain or gzipped)`);
  let encoding: 'utf-8' | 'latin1' = 'utf-8';
  // A multi-byte character may be cut at the end of the head.
  if (!isUtf8(headBytes.subarray(0, utf8Cut(headBytes)))) {
    if (!options.latin1Fallback) throw new DataError(`${file.name}: is not UTF-8 text (expected a file saved as UTF-8)`);
    encoding = 'latin1';
  }
  // StringDecoder keeps a character cut between chunks for the next one; isUtf8 checks each chunk
  // (up to such a cut) natively: together several times faster than a fatal TextDecoder.
  // isUtf8 checks each chunk natively (a character cut between chunks is checked whole with the
  // start of the next); StringDecoder decodes, keeping a cut character for the next chunk. ASCII
  // chunks, the common case, are read as Latin-1, which is a straight copy.
  const decoder = new StringDecoder(encoding === 'utf-8' ? 'utf8' : 'latin1');
  let checkedOffset = 0;
  let tail: Buffer = Buffer.alloc(0);
  const check = (buf: Buffer, last: boolean): void => {
    if (encoding !== 'utf-8') return;
    const cut = last ? buf.length : utf8Cut(buf);
    const checked = tail.length > 0 ? Buffer.concat([tail, buf.subarray(0, cut)]) : buf.subarray(0, cut);
    if (!isUtf8(checked)) throw new DataError(`${file.name}: is not UTF-8 text after byte ${checkedOffset} (expected a file saved as UTF-8)`);
    tail = Buffer.from(buf.subarray(cut));
    checkedOffset += buf.length;
  };
  let pending = false;
  const decode = (buf: Buffer): string => {
    if (!pending && isAscii(buf)) return buf.toString('latin1');
    pending = true;
    return decoder.write(buf);
  };
  check(headBytes, bytesDone);
  const head = decode(headBytes);

  async function* validated(): AsyncGenerator<Buffer> {
    if (headBytes.length > 0) yield headBytes;
    if (!bytesDone) {
      for (;;) {
        const next = await bytes.next();
        if (next.done) break;
        check(next.value, false);
        yield next.value;
      }
      check(Buffer.alloc(0), true);
    }
  }

  async function* text(): AsyncGenerator<string> {
    let first = true;
    for await (const buf of validated()) {
      // The head was decoded already (to sniff the layout): hand over that text.
      const t = first ? head : decode(buf);
      first = false;
      if (t) yield t;
    }
    const rest = pending ? decoder.end() : '';
    if (rest) yield rest;
  }

  return {
    file,
    head,
    gzip,
    encoding,
    text: text(),
    bytes: validated(),
    get bytesRead() {
      return bytesRead;
    },
  };
}

/** "TradeData_2024.csv.gz" → "TradeData_2024.csv": the name a file has inside its compression. */
export function innerName(name: string): string {
  const base = basename(name);
  return base.toLowerCase().endsWith('.gz') ? base.slice(0, -3) : base;
}

export { clip };

/** Where a buffer's last complete UTF-8 character ends: a character cut at the end is left out. */
export function utf8Cut(buf: Uint8Array): number {
  const n = buf.length;
  // Look back over at most three continuation bytes for the lead byte of the last character.
  for (let back = 1; back <= Math.min(4, n); back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

