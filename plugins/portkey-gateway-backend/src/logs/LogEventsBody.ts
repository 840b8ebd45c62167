import { LineSplitter } from './LogLineSplitter';
import { flushCompression, LogBodyOptions, SplitLogBody } from './LogBody';

function withoutCr(line: string): string {
  return line.includes('\r') ? line.replace(/\r/g, '') : line;
}

const event = (line: string) => `data: ${withoutCr(line)}\n\n`;

/**
 * A followed log as server-sent events, one `data:` event per redacted line. The lines of an
 * upstream chunk go out with one write and one flush, so that they reach the browser at once.
 */
export class LogEventsBody extends SplitLogBody<string> {
  private sent = 0;

  constructor(private readonly options: LogBodyOptions) {
    super(new LineSplitter({ maxLineBytes: options.maxLineBytes }));
  }

  flush() {
    // Every event is written as soon as it is complete.
  }

  discard() {}

  protected send(lines: string[]): boolean {
    if (!lines.length) return true;
    const { res, maxBytes, afterWrite } = this.options;
    let text = '';
    for (const line of lines) text += event(line);
    const bytes = Buffer.byteLength(text);
    if (this.sent + bytes > maxBytes) {
      // Only the events that fit in full.
      text = '';
      for (const line of lines) {
        const next = event(line);
        const size = Buffer.byteLength(next);
        if (this.sent + size > maxBytes) break;
        this.sent += size;
        text += next;
      }
      if (text) res.write(text);
      return false;
    }
    this.sent += bytes;
    const more = res.write(text);
    flushCompression(res);
    afterWrite(more);
    return true;
  }
}
