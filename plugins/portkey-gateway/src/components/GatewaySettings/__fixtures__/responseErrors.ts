import { ResponseError } from '@backstage/errors';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
};

/** A ResponseError as the API client throws it, from the backend's error body. */
export function responseError(
  statusCode: number,
  message: string,
): Promise<ResponseError> {
  const name = statusCode === 403 ? 'NotAllowedError' : 'Error';
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'GET', url: '/api/portkey-gateway/x' },
        response: { statusCode },
      }),
      {
        status: statusCode,
        statusText: STATUS_TEXT[statusCode] ?? 'Error',
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}
