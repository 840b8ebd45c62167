/*
 * The backend side of the benchmark, run as its own child process so that its RSS is measured
 * alone: an express app with GatewayLogsService mounted, talking to the benchmark's
 * kube-apiserver. Reports its port to the parent over IPC.
 *
 *   BENCH_KUBECONFIG=<file> BENCH_MAX_BYTES=<n> node -r @backstage/cli/config/nodeTransform.cjs bench/backend.ts
 */
import { KubeConfig } from '@kubernetes/client-node';
import express from 'express';
import { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import { GatewayLogsService } from '../src/logs/GatewayLogsService';

const kubeConfig = new KubeConfig();
kubeConfig.loadFromFile(process.env.BENCH_KUBECONFIG!);
const clients = { name: 'bench', kubeConfig };
const logs = new GatewayLogsService({
  maxBytes: Number(process.env.BENCH_MAX_BYTES ?? 10 * 1024 * 1024),
});

const app = express();
app.get('/logs/:namespace/:pod', (req, res, next) => {
  logs
    .sendLogs({
      cluster: 'bench',
      namespace: req.params.namespace,
      clients,
      pod: req.params.pod,
      query: req.query,
      req,
      res,
    })
    .catch(next);
});

const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ port });
});
process.on('disconnect', () => process.exit(0));
// An orderly exit on the parent's kill, so that `--cpu-prof` can write its profile.
process.on('SIGTERM', () => process.exit(0));

// Where the memory is, for the benchmark's report: the parent asks, the child answers with
// process.memoryUsage() and the resident size of each V8 heap space.
process.on('message', (m: { memory?: unknown }) => {
  if (!m?.memory) return;
  const spaces: Record<string, number> = {};
  for (const space of v8.getHeapSpaceStatistics()) {
    if (space.physical_space_size > 0)
      spaces[space.space_name] = space.physical_space_size;
  }
  process.send?.({ memory: { ...process.memoryUsage(), spaces } });
});
