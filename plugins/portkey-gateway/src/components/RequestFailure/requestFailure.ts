import { ResponseError } from '@backstage/errors';

/** What a failed backend call said: its status and the backend's own message. */
export type RequestFailure = { statusCode?: number; message: string };

export function isResponseError(error: unknown): error is ResponseError {
  return ResponseError.is(error);
}

/**
 * The status code and the backend's message of a failed call. The backend's message
 * ("Missing permission portkey.gateway.settings.read for component:default/x") is what a
 * person can act on, so it wins over ResponseError's "Request failed with 403 ..." wrapper.
 */
export function requestFailureOf(error: Error): RequestFailure {
  if (isResponseError(error)) {
    return {
      statusCode: error.statusCode,
      message:
        error.body?.error?.message || error.cause?.message || error.message,
    };
  }
  return { message: error.message };
}
