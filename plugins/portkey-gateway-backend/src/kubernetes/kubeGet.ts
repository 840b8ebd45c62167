import type { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import { KubernetesApiError } from './kubernetesErrors';

/** GETs a Kubernetes API path (with its query) and returns the parsed JSON body. */
export type KubeGet = (kubeConfig: KubeConfig, path: string) => Promise<any>;

type AgentKind = 'get' | 'stream';
const agents: Record<AgentKind, WeakMap<KubeConfig, http.Agent>> = {
  get: new WeakMap(),
  stream: new WeakMap(),
};
const TIMEOUT_MS = 15_000;
/** The most of an error body read: a Status object is far smaller. */
const STATUS_BODY_BYTES = 64 * 1024;

/**
 * One keep-alive agent per cluster configuration. @kubernetes/client-node builds a new agent
 * for every request, so every call pays a TCP and TLS handshake; the status view makes three
 * calls per answer and reuses the connections instead. (A changed client certificate in a
 * kubeconfig file is picked up on restart; tokens are read per request.)
 *
 * Streams (logs) get an agent of their own without a socket limit: a followed log holds its
 * connection for as long as someone watches, and must neither wait behind nor block the
 * status reads.
 */
function agentFor(
  kubeConfig: KubeConfig,
  options: https.RequestOptions,
  secure: boolean,
  kind: AgentKind,
): http.Agent {
  let agent = agents[kind].get(kubeConfig);
  if (!agent) {
    const common =
      kind === 'get'
        ? { keepAlive: true, maxSockets: 16, maxFreeSockets: 4 }
        : { keepAlive: true, maxFreeSockets: 4 };
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
    agents[kind].set(kubeConfig, agent);
  }
  return agent;
}

/**
 * Sends a GET with the cluster's credentials over the agent of `kind` and resolves with the
 * response as soon as its headers arrive, whatever its status. Errors before that look like
 * client-node's for `toPortalError`: `code` is the network error code (ECONNREFUSED,
 * ETIMEDOUT, ...).
 */
async function openGet(
  kubeConfig: KubeConfig,
  path: string,
  how: {
    kind: AgentKind;
    accept: string;
    /** Applies to the whole exchange, or (keepTimeout false) only until the headers. */
    keepTimeout: boolean;
    signal?: AbortSignal;
  },
): Promise<{ request: http.ClientRequest; response: http.IncomingMessage }> {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('The kubeconfig has no current cluster');
  const options: https.RequestOptions = {};
  await kubeConfig.applyToHTTPSOptions(options);
  const server = new URL(cluster.server);
  const secure = server.protocol === 'https:';
  // A proxy agent (cluster.proxyUrl) is used as client-node built it.
  const agent = cluster.proxyUrl
    ? options.agent
    : agentFor(kubeConfig, options, secure, how.kind);
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
        headers: { ...options.headers, Accept: how.accept },
        timeout: TIMEOUT_MS,
        signal: how.signal,
      },
      response => {
        if (!how.keepTimeout) request.setTimeout(0);
        resolve({ request, response });
      },
    );
    request.on('timeout', () =>
      request.destroy(
        Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }),
      ),
    );
    // Also after the response has arrived: errors then reach the response's listeners.
    request.on('error', reject);
    request.end();
  });
}

/**
 * Reads from the API server with the cluster's credentials, parsing the JSON answer as is
 * (timestamps stay ISO strings). Skipping client-node's model deserialisation roughly halves
 * the CPU per list. A non-2xx answer rejects with a KubernetesApiError (`code` is the HTTP
 * status, with the Status message); no answer rejects with the network error (`code`
 * ECONNREFUSED, ETIMEDOUT, ...). `toPortalError` words both.
 */
export const kubeGet: KubeGet = async (kubeConfig, path) => {
  const { response } = await openGet(kubeConfig, path, {
    kind: 'get',
    accept: 'application/json',
    keepTimeout: true,
  });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('error', reject);
    response.on('end', () => {
      const status = response.statusCode ?? 0;
      const body = Buffer.concat(chunks).toString('utf8');
      if (status < 200 || status >= 300) {
        reject(KubernetesApiError.fromBody(status, body));
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
  });
};

/**
 * Opens a streaming GET (pod logs) with the cluster's credentials over a keep-alive
 * connection of the cluster's stream agent, and resolves with the response once its 2xx
 * headers arrive; the caller reads the body. Any other status rejects with a
 * KubernetesApiError carrying the Status message of the body (read up to 64 KB). The 15 s
 * timeout covers only the wait for the headers; a followed log may stay quiet for longer.
 * Aborting `signal` closes the request (and with it the API server's stream); the response
 * then emits an error. A body read to its end leaves the connection open for the next
 * request.
 */
export async function kubeStream(
  kubeConfig: KubeConfig,
  path: string,
  signal?: AbortSignal,
): Promise<http.IncomingMessage> {
  const { response } = await openGet(kubeConfig, path, {
    kind: 'stream',
    accept: '*/*',
    keepTimeout: false,
    signal,
  });
  const status = response.statusCode ?? 0;
  if (status >= 200 && status < 300) return response;
  const body = await readLimited(response, STATUS_BODY_BYTES).catch(
    () => undefined,
  );
  throw KubernetesApiError.fromBody(status, body);
}

/** A response body as text, at most `limit` bytes of it (the rest is dropped). */
function readLimited(
  response: http.IncomingMessage,
  limit: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).toString('utf8'));
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else response.destroy();
    });
    response.on('end', done);
    response.on('close', done);
    response.on('error', reject);
  });
}
