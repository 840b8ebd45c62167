/** Calls the portal's API as the test client (the run's static external-access token). */
export function portalApi(portal: { backend: { url: string }; token: string }) {
  return async (
    path: string,
    init: { method?: string; body?: unknown } = {},
  ) => {
    const res = await fetch(`${portal.backend.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${portal.token}`,
        ...(init.body !== undefined
          ? { 'Content-Type': 'application/json' }
          : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json };
  };
}

/**
 * Calls `probe` until it returns a value (not undefined), at most `timeoutMs`; between tries
 * it waits `intervalMs`. The condition is what is waited for, not the time.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = 90_000, intervalMs = 250 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${
          last ? `: ${(last as Error).message}` : ''
        }`,
      );
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}
