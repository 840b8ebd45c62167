import { StringDecoder } from 'node:string_decoder';
import { Transform, TransformCallback } from 'node:stream';
import { REDACTED, redactLogLine } from './redactLogLine';

/** 64 KB: the longest line held in memory; longer lines are cut there. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024;

/**
 * Turns the upstream log bytes into redacted lines (without the newline), one object per
 * line. A partial line is held across chunks until its newline arrives, but never more than
 * `maxLineBytes`: a longer line is cut there, the part kept is redacted and sent with a note,
 * and the rest of that line is dropped (not sent later as a separate piece, where a secret
 * split at the cut would no longer be recognised).
 */
export class LogLineSplitter extends Transform {
  /** Bytes received from upstream. */
  receivedBytes = 0;
  private readonly decoder = new StringDecoder('utf8');
  private readonly maxLineBytes: number;
  private held = '';
  private heldBytes = 0;
  /** Dropping the rest of a cut line until its newline. */
  private dropping = 0;

  constructor(options: { maxLineBytes?: number } = {}) {
    super({ readableObjectMode: true, readableHighWaterMark: 16 });
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  }

  _transform(chunk: Buffer, _encoding: string, done: TransformCallback) {
    this.receivedBytes += chunk.length;
    this.splitLines(this.decoder.write(chunk));
    done();
  }

  _flush(done: TransformCallback) {
    this.splitLines(this.decoder.end());
    if (this.dropping) this.pushCut();
    else if (this.held) this.push(redactLogLine(this.held));
    this.held = '';
    this.heldBytes = 0;
    done();
  }

  private splitLines(text: string) {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const piece = text.slice(start, nl === -1 ? undefined : nl);
      this.hold(piece);
      if (nl === -1) return;
      if (this.dropping) this.pushCut();
      else this.push(redactLogLine(this.held.replace(/\r$/, '')));
      this.held = '';
      this.heldBytes = 0;
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

  private pushCut() {
    const dropped = this.dropping - 1;
    // A URL cut between its password and the "@" is not recognised by redactLogLine.
    const held = this.held.replace(
      /\b([a-z][a-z0-9+.-]{0,30}:\/\/[^\s:@/?#]*:)[^\s@/]*$/i,
      `$1${REDACTED}`,
    );
    this.push(
      `${redactLogLine(held)} [line cut at ${
        this.maxLineBytes
      } bytes, ${dropped} more bytes not shown]`,
    );
    this.dropping = 0;
  }
}
