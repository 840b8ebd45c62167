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

/** The refusals a backend repeats until someone changes the entity, a permission or the cluster. */
const STANDING_REFUSALS = new Set([400, 403, 404]);

/**
 * Whether the backend refused for a reason that will not go away by itself (bad annotations,
 * no permission, nothing there): reading again on a timer only repeats the answer. A 503, a
 * 5xx or a network error can pass, so those are worth reading again.
 */
export function isStandingRefusal(error: Error): boolean {
  return isResponseError(error) && STANDING_REFUSALS.has(error.statusCode);
}
