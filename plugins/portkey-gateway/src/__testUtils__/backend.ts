import { http, HttpResponse } from 'msw';

/** Where the tests' discovery API puts the backend. */
export const BACKEND_BASE_URL = 'http://backend.test/api/portkey-gateway';

export const ENTITY_PATH = `${BACKEND_BASE_URL}/entities/default/component/portkey-ai-gateway`;

const ERROR_NAMES: Record<number, string> = {
  400: 'InputError',
  403: 'NotAllowedError',
  404: 'NotFoundError',
  503: 'ServiceUnavailableError',
};

/** An error answer as the backend's framework error handler writes it. */
export function backendError(statusCode: number, message: string) {
  return HttpResponse.json(
    {
      error: { name: ERROR_NAMES[statusCode] ?? 'Error', message },
      request: { method: 'GET', url: '/api/portkey-gateway/...' },
      response: { statusCode },
    },
    { status: statusCode },
  );
}

/** The entity status route answering `body` (a fixture or a backendError). */
export function entityStatusRoute(answer: () => Response | Promise<Response>) {
  return http.get(`${ENTITY_PATH}/status`, answer);
}
