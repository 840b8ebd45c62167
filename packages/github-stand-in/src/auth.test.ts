import {
  api,
  OWNER,
  REPO,
  TOKEN,
  useStandIn,
} from './__testUtils__/standInFixture';

describe('authentication', () => {
  const standIn = useStandIn();
  const path = `/repos/${OWNER}/${REPO}`;

  it.each([
    ['no token', null, 'Requires authentication'],
    ['a wrong token', 'ghp_wrong', 'Bad credentials'],
  ])(
    'answers 401 with GitHub error shape for %s',
    async (_, token, message) => {
      const response = await api(standIn.server.apiBaseUrl, path, { token });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        message,
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
    },
  );

  it('answers GraphQL without the token with 401', async () => {
    const response = await fetch(`${standIn.server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { login } }' }),
    });
    expect(response.status).toBe(401);
  });

  it.each([
    ['token', `token ${TOKEN}`],
    ['Bearer', `Bearer ${TOKEN}`],
    [
      'Basic',
      `Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`,
    ],
  ])('accepts the token as %s', async (_, authorization) => {
    const response = await fetch(`${standIn.server.apiBaseUrl}${path}`, {
      headers: { authorization },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain(TOKEN);
  });

  it('answers 404 for an unknown repository and 422 for a body GitHub would reject', async () => {
    const missing = await api(
      standIn.server.apiBaseUrl,
      `/repos/${OWNER}/nothing`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ message: 'Not Found' });
    const noHead = await api(standIn.server.apiBaseUrl, `${path}/pulls`, {
      method: 'POST',
      body: { title: 't', base: 'main' },
    });
    expect(noHead.status).toBe(422);
    expect(noHead.body.message).toBe(
      'Invalid request.\n\n"head" wasn\'t supplied.',
    );
    const badJson = await fetch(
      `${standIn.server.apiBaseUrl}${path}/git/refs`,
      {
        method: 'POST',
        headers: {
          authorization: `token ${TOKEN}`,
          'content-type': 'application/json',
        },
        body: '{not json',
      },
    );
    expect(badJson.status).toBe(400);
  });

  it('keeps the token out of every log line', () => {
    expect(standIn.logs.length).toBeGreaterThan(5);
    expect(standIn.logs.join('\n')).not.toContain(TOKEN);
    expect(standIn.logs.join('\n')).not.toContain(
      Buffer.from(`x-access-token:${TOKEN}`).toString('base64'),
    );
  });
});
