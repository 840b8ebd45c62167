import { ResponseError } from '@backstage/errors';

export function isResponseError(error: unknown): error is ResponseError {
  return ResponseError.is(error);
}

/**
 * The backend's own words for a failed request (e.g. "Missing permission
 * portkey.gateway.logs.read for component:default/x"), not ResponseError's generic
 * "Request failed with 403 Forbidden".
 */
export function backendMessage(error: Error): string {
  if (isResponseError(error)) {
    return error.body?.error?.message || error.cause?.message || error.message;
  }
  return error.message;
}

/** A title for a failed read, by status code. */
export function errorTitle(error: Error): string {
  if (!isResponseError(error)) return 'Could not read the log';
  switch (error.statusCode) {
    case 403:
      return 'Not allowed to read this log';
    case 404:
      return 'Log not found';
    case 503:
      return 'The cluster cannot be reached';
    default:
      return `Could not read the log (${error.statusCode})`;
  }
}
