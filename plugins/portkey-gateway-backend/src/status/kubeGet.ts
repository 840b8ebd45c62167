import type { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';

/** GETs a Kubernetes API path (with its query) and returns the parsed JSON body. */
export type KubeGet = (kubeConfig: KubeConfig, path: string) => Promise<any>;

const agents = new WeakMap<KubeConfig, http.Agent>();
const TIMEOUT_MS = 15_000;

/**
 * One keep-alive agent per cluster configuration. @kubernetes/client-node builds a new agent
 * for every request, so every call pays a TCP and TLS handshake; the status view makes three
 * calls per answer and reuses the connections instead. (A changed client certificate in a
 * kubeconfig file is picked up on restart; tokens are read per request.)
 */
function agentFor(
  kubeConfig: KubeConfig,
  options: https.RequestOptions,
  secure: boolean,
): http.Agent {
  let agent = agents.get(kubeConfig);
  if (!agent) {
    const common = { keepAlive: true, maxSockets: 16, maxFreeSockets: 4 };
    agent = secure
      ? new https.Agent({
          ...common,
          ca: options.ca,
          cert: options.cert,
          key: options.key,
          pfx: options.pfx,
          passphrase: options.passphrase,
          servername: options.servername,
          ...(options.rejectUnauthorized !== undefined
            ? { rejectUnauthorized: options.rejectUnauthorized }
            : {}),
        })
      : new http.Agent(common);
    agents.set(kubeConfig, agent);
  }
  return agent;
}

/**
 * Reads from the API server with the cluster's credentials, parsing the JSON answer as is
 * (timestamps stay ISO strings). Skipping client-node's model deserialisation roughly halves
 * the CPU per list. Errors look like client-node's for `toPortalError`: `code` is the HTTP
 * status, or the network error code (ECONNREFUSED, ETIMEDOUT, ...).
 */
export const kubeGet: KubeGet = async (kubeConfig, path) => {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('The kubeconfig has no current cluster');
  const options: https.RequestOptions = {};
  await kubeConfig.applyToHTTPSOptions(options);
  const server = new URL(cluster.server);
  const secure = server.protocol === 'https:';
  // A proxy agent (cluster.proxyUrl) is used as client-node built it.
  const agent = cluster.proxyUrl
    ? options.agent
    : agentFor(kubeConfig, options, secure);
  const url = new URL(server.toString());
  const [pathname, search] = path.split('?');
  url.pathname = `${server.pathname.replace(/\/$/, '')}${pathname}`;
  url.search = search ? `?${search}` : '';
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(
      url,
      {
        method: 'GET',
        agent,
        auth: options.auth,
        headers: { ...options.headers, Accept: 'application/json' },
        timeout: TIMEOUT_MS,
      },
      response => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const body = Buffer.concat(chunks).toString('utf8');
          if (status < 200 || status >= 300) {
            reject(
              Object.assign(
                new Error(`Kubernetes answered HTTP ${status} for GET`),
                { code: status },
              ),
            );
            return;
          }
          try {
            resolve(JSON.parse(body));
          } catch {
            reject(
              Object.assign(new Error('Kubernetes answered no JSON'), {
                code: 'EBADJSON',
              }),
            );
          }
        });
      },
    );
    request.on('timeout', () =>
      request.destroy(
        Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }),
      ),
    );
    request.on('error', reject);
    request.end();
  });
};
