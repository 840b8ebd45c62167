import fs from 'node:fs';

/**
 * Keeps the demo gateway's logs coming, so a newcomer sees follow mode at work: every
 * `intervalMs` each healthy pod logs a request, in the gateway's own format. Some
 * requests carry a made-up API key, which the portal shows redacted; every `crashEveryMs` the
 * crash-looping pod logs another failed start.
 */
export type DemoLogTrafficOptions = {
  /** The healthy pods' log files (the stub kubelet serves them). */
  healthyLogFiles: string[];
  crashingLogFile: string;
  intervalMs?: number;
  crashEveryMs?: number;
};

const REQUESTS = [
  'POST /v1/chat/completions 200 provider=openai model=gpt-4o-mini latency_ms=412 tokens=318',
  'POST /v1/chat/completions 200 provider=anthropic model=claude-3-5-haiku latency_ms=655 tokens=902',
  'POST /v1/embeddings 200 provider=openai model=text-embedding-3-small latency_ms=88 tokens=64',
  'POST /v1/chat/completions 200 provider=bedrock model=anthropic.claude-3-haiku latency_ms=731 tokens=417 cache=miss',
  'POST /v1/chat/completions 200 provider=openai model=gpt-4o-mini latency_ms=9 tokens=318 cache=hit',
  'POST /v1/chat/completions 429 provider=openai model=gpt-4o retry_after_s=2',
  'GET /v1/health 200',
  // A made-up key: the portal's redaction replaces it before it reaches the browser.
  'POST /v1/chat/completions 401 provider=openai upstream said: invalid api_key=sk-demo0000000000000000000000fake',
];

/**
 * Appends lines to a pod's log as its container would print them: each with the RFC 3339
 * timestamp the kubelet stores (the stub kubelet strips it unless timestamps=true).
 */
export function appendLogLines(file: string, lines: string[]) {
  const at = new Date().toISOString();
  fs.appendFileSync(file, lines.map(line => `${at} ${line}\n`).join(''));
}

export function startDemoLogTraffic(options: DemoLogTrafficOptions): {
  stop: () => void;
} {
  const { healthyLogFiles, crashingLogFile } = options;
  let count = 0;
  // Each healthy pod logs one request per tick, each its own way through the list.
  const requests = setInterval(() => {
    healthyLogFiles.forEach((file, pod) =>
      appendLogLines(file, [REQUESTS[(count + pod * 3) % REQUESTS.length]]),
    );
    count += 1;
  }, options.intervalMs ?? 2000);
  const crashes = setInterval(() => {
    appendLogLines(crashingLogFile, [
      'Starting Portkey gateway 2.13.0',
      'Error: cannot connect to clickhouse at http://clickhouse.analytics:8123',
    ]);
  }, options.crashEveryMs ?? 40_000);
  return {
    stop: () => {
      clearInterval(requests);
      clearInterval(crashes);
    },
  };
}
