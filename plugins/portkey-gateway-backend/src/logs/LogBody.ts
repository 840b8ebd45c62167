import type { Response } from 'express';

/**
 * The body of a log response in one format: turns upstream chunks into redacted writes to
 * the response, within a byte cap. `write` and `end` return false once the cap is reached
 * (what fits in full has been written or queued; the caller then ends the response).
 */
export interface LogBody {
  /** Bytes received from upstream. */
  readonly receivedBytes: number;
  /** Sends the complete lines of one upstream chunk. */
  write(chunk: Buffer): boolean;
  /** Sends the last line when the upstream ended without a newline. */
  end(): boolean;
  /** Writes whatever is still queued, before the response's last message. */
  flush(): void;
  /** Drops whatever is queued (the client is gone). */
  discard(): void;
}

export type LogBodyOptions = {
  res: Response;
  /** The most bytes of log text sent. */
  maxBytes: number;
  /** The longest line held in memory; longer lines are cut. */
  maxLineBytes: number;
  /** Told whether the response took a write without buffering (`res.write`'s answer). */
  afterWrite: (more: boolean) => void;
};

/** Sends what compression middleware holds, so that events reach the browser at once. */
export function flushCompression(res: Response) {
  (res as unknown as { flush?: () => void }).flush?.();
}

/** What both splitters do: lines (or text) from chunks, counting the bytes received. */
type Splitter<Piece> = {
  readonly receivedBytes: number;
  write(chunk: Buffer): Piece[];
  end(): Piece[];
};

/** A body that sends what its splitter makes of each chunk (`send`: false at the cap). */
export abstract class SplitLogBody<Piece> implements LogBody {
  constructor(private readonly splitter: Splitter<Piece>) {}

  get receivedBytes(): number {
    return this.splitter.receivedBytes;
  }

  write(chunk: Buffer): boolean {
    return this.send(this.splitter.write(chunk));
  }

  end(): boolean {
    return this.send(this.splitter.end());
  }

  abstract flush(): void;
  abstract discard(): void;
  protected abstract send(pieces: Piece[]): boolean;
}
