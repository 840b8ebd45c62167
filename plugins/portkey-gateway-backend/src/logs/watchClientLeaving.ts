import type { Request, Response } from 'express';

/** Whether the browser has gone away before its answer was complete. */
export type ClientLeaving = {
  readonly left: boolean;
  /** Called when the client leaves (by the request's and the response's close: both may call it); replaces the listener set before. */
  onLeave(listener: () => void): void;
  /** Stops listening to the request and response. */
  stop(): void;
};

/**
 * Notices the client going away (its request or our response closing before the response
 * ended), so that the upstream log request can be closed with it.
 */
export function watchClientLeaving(req: Request, res: Response): ClientLeaving {
  let left = false;
  let listener: (() => void) | undefined;
  const onClose = () => {
    if (res.writableEnded) return;
    left = true;
    listener?.();
  };
  req.on('close', onClose);
  res.on('close', onClose);
  return {
    get left() {
      return left;
    },
    onLeave(next) {
      listener = next;
    },
    stop() {
      req.off('close', onClose);
      res.off('close', onClose);
    },
  };
}
