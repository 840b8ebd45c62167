import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { nextHint, REDACTED, redactLogLine } from './redactLogLine';

/** 64 KB: the longest line held in memory; longer lines are cut there. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024;

const CR = 13;
const NL = 10;

/**
 * Turns upstream log bytes into redacted lines (without the newline), a chunk at a time: each
 * `write` returns the lines that chunk completed. A partial line is held across chunks until
 * its newline arrives, but never more than `maxLineBytes`: a longer line is cut there, the part
 * kept is redacted and sent with a note, and the rest of that line is dropped (not sent later
 * as a separate piece, where a secret split at the cut would no longer be recognised).
 *
 * Nothing is held but the one partial line: a chunk's complete lines are returned at once.
 */
export class LineSplitter {
  /** Bytes received from upstream. */
  receivedBytes = 0;
  private readonly decoder = new StringDecoder('utf8');
  private readonly maxLineBytes: number;
  private held = '';
  private heldBytes = 0;
  /** Dropping the rest of a cut line until its newline. */
  private dropping = 0;
  private atLineStart = true;

  constructor(options: { maxLineBytes?: number } = {}) {
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  }

  /** Nothing held: everything written so far ended with a newline. */
  get betweenLines(): boolean {
    return this.atLineStart;
  }

  /** The redacted lines that `chunk` completes, in order. */
  write(chunk: Buffer): string[] {
    this.receivedBytes += chunk.length;
    if (chunk.length) this.atLineStart = chunk[chunk.length - 1] === NL;
    const lines: string[] = [];
    this.splitLines(this.decoder.write(chunk), lines);
    return lines;
  }

  /** The redacted last line, if the input did not end with a newline. */
  end(): string[] {
    const lines: string[] = [];
    this.splitLines(this.decoder.end(), lines);
    if (this.dropping) lines.push(this.cutLine());
    else if (this.held) lines.push(redactLogLine(this.held));
    this.held = '';
    this.heldBytes = 0;
    return lines;
  }

  private splitLines(text: string, lines: string[]) {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) {
        if (start < text.length) this.hold(text.slice(start));
        return;
      }
      let line: string | undefined;
      if (!this.held && !this.dropping) {
        // The whole line is in this chunk (the common case): no copy, no byte count unless
        // it may be over the cap (a UTF-16 unit is at most 3 bytes of UTF-8).
        const whole = text.slice(start, nl);
        if (
          whole.length * 3 <= this.maxLineBytes ||
          Buffer.byteLength(whole) <= this.maxLineBytes
        ) {
          line = whole;
        }
      }
      if (line === undefined) {
        this.hold(text.slice(start, nl));
        if (this.dropping) {
          lines.push(this.cutLine());
          start = nl + 1;
          continue;
        }
        line = this.held;
        this.held = '';
        this.heldBytes = 0;
      }
      if (line.charCodeAt(line.length - 1) === CR) line = line.slice(0, -1);
      lines.push(redactLogLine(line));
      start = nl + 1;
    }
  }

  private hold(piece: string) {
    if (!piece) return;
    const bytes = Buffer.byteLength(piece);
    if (this.dropping) {
      this.dropping += bytes;
      return;
    }
    if (this.heldBytes + bytes <= this.maxLineBytes) {
      this.held += piece;
      this.heldBytes += bytes;
      return;
    }
    // Over the cap: keep exactly maxLineBytes, drop the rest of the line.
    const room = this.maxLineBytes - this.heldBytes;
    const kept = Buffer.from(piece).subarray(0, room).toString('utf8');
    this.held += kept.replace(/\uFFFD$/, '');
    this.dropping = bytes - Buffer.byteLength(kept) + 1;
    this.heldBytes = this.maxLineBytes;
  }

  private cutLine(): string {
    const dropped = this.dropping - 1;
    // A URL cut between its password and the "@" is not recognised by redactLogLine.
    const held = this.held.replace(
      /\b([a-z][a-z0-9+.-]{0,30}:\/\/[^\s:@/?#]*:)[^\s@/]*$/i,
      `$1${REDACTED}`,
    );
    this.held = '';
    this.heldBytes = 0;
    this.dropping = 0;
    return `${redactLogLine(held)} [line cut at ${
      this.maxLineBytes
    } bytes, ${dropped} more bytes not shown]`;
  }
}

/**
 * The text form of the log: the same lines as `LineSplitter` gives, each with its newline,
 * as bytes to send. Runs of whole lines that no rule could change are passed on as the bytes
 * received, without decoding and encoding them again: no hint of any rule (looked for in the
 * bytes as latin1, the hints being ASCII), no carriage return, no line over the cap, and valid
 * UTF-8 (which a string round trip gives back unchanged). Every other line, and a line split
 * across chunks, goes through `LineSplitter`.
 */
export class LogTextSplitter {
  private readonly lines: LineSplitter;
  private readonly maxLineBytes: number;
  private passedBytes = 0;

  constructor(options: { maxLineBytes?: number } = {}) {
    this.lines = new LineSplitter(options);
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  }

  /** Bytes received from upstream. */
  get receivedBytes(): number {
    return this.lines.receivedBytes + this.passedBytes;
  }

  /** The text (whole lines, redacted) that `chunk` completes, in pieces, in order. */
  write(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let pos = 0;
    if (!this.lines.betweenLines) {
      // The end of the line held from the last chunk.
      const nl = chunk.indexOf(NL);
      pos = nl === -1 ? chunk.length : nl + 1;
      this.viaStrings(chunk.subarray(0, pos), out);
    }
    const last = chunk.lastIndexOf(NL);
    if (last >= pos) {
      // Whole lines: byte offsets in the latin1 text are offsets in `chunk`.
      const text = chunk.toString('latin1', pos, last + 1);
      let clean = 0;
      for (let hint = nextHint(text, 0); hint !== -1; ) {
        const start = text.lastIndexOf('\n', hint) + 1;
        const end = text.indexOf('\n', hint) + 1;
        this.passOrSplit(chunk.subarray(pos + clean, pos + start), out);
        this.viaStrings(chunk.subarray(pos + start, pos + end), out);
        clean = end;
        hint = nextHint(text, end);
      }
      this.passOrSplit(chunk.subarray(pos + clean, last + 1), out);
      pos = last + 1;
    }
    // The start of a line that the next chunk ends.
    if (pos < chunk.length) this.viaStrings(chunk.subarray(pos), out);
    return out;
  }

  /** The last line, if the input did not end with a newline. */
  end(): Buffer[] {
    return this.lines.end().map(line => Buffer.from(`${line}\n`));
  }

  private passOrSplit(run: Buffer, out: Buffer[]) {
    if (!run.length) return;
    if (run.indexOf(CR) === -1 && this.linesFit(run) && isUtf8(run)) {
      this.passedBytes += run.length;
      out.push(run);
    } else {
      this.viaStrings(run, out);
    }
  }

  private viaStrings(bytes: Buffer, out: Buffer[]) {
    for (const line of this.lines.write(bytes)) {
      out.push(Buffer.from(`${line}\n`));
    }
  }

  /** Every line of `run` (whole lines) is at most the cap. */
  private linesFit(run: Buffer): boolean {
    if (run.length <= this.maxLineBytes + 1) return true;
    for (let start = 0; start < run.length; ) {
      const nl = run.indexOf(NL, start);
      if (nl - start > this.maxLineBytes) return false;
      start = nl + 1;
    }
    return true;
  }
}
