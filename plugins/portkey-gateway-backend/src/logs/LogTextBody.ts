import { LogTextSplitter } from './LogLineSplitter';
import { LogBodyOptions, SplitLogBody } from './LogBody';

const NEWLINE = 10;
/** 256 KB: the largest write of text. */
const TEXT_WRITE_BYTES = 256 * 1024;

/**
 * A log read once as plain text, mostly the bytes received (redacted where a line needs it).
 *
 * The text goes out in writes of up to TEXT_WRITE_BYTES: what arrived in one turn of the
 * event loop (often a few TLS records of 16 KB) is sent with one write, as one HTTP chunk.
 * Each write to a local client wakes it up; fewer, larger writes cost both sides less.
 */
export class LogTextBody extends SplitLogBody<Buffer> {
  private sent = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private scheduled: NodeJS.Immediate | undefined;

  constructor(private readonly options: LogBodyOptions) {
    super(new LogTextSplitter({ maxLineBytes: options.maxLineBytes }));
  }

  flush() {
    const text = this.takePending();
    if (text && !this.options.res.writableEnded) this.options.res.write(text);
  }

  discard() {
    clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Queues whole lines; false once the byte cap is reached (only the lines that fit in full). */
  protected send(pieces: Buffer[]): boolean {
    const { maxBytes } = this.options;
    for (const piece of pieces) {
      if (this.sent + piece.length > maxBytes) {
        const room = maxBytes - this.sent;
        const fits = room > 0 ? piece.lastIndexOf(NEWLINE, room - 1) + 1 : 0;
        if (fits > 0) this.pending.push(piece.subarray(0, fits));
        this.pendingBytes += fits;
        this.sent += fits;
        return false;
      }
      this.sent += piece.length;
      this.pending.push(piece);
      this.pendingBytes += piece.length;
    }
    if (this.pendingBytes >= TEXT_WRITE_BYTES) this.writePending();
    else if (this.pending.length)
      this.scheduled ??= setImmediate(() => this.writePending());
    return true;
  }

  private writePending() {
    const text = this.takePending();
    if (text) this.options.afterWrite(this.options.res.write(text));
  }

  private takePending(): Buffer | undefined {
    clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (!this.pending.length) return undefined;
    const text =
      this.pending.length === 1
        ? this.pending[0]
        : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    return text;
  }
}
