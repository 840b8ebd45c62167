import { CoreV1Api, V1Node } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// The stub kubelet is a repository test script (scripts/kube), not a package; jest compiles
// the .mjs (see docs/test-kubernetes.md).
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  startStubKubelet,
  stubNodeManifest,
} from '../../../../scripts/kube/stub-kubelet.mjs';
import { testCluster } from './testCluster';

/**
 * A stub kubelet on loopback, registered with the local apiserver as a Node: the API server
 * proxies `pods/log` of pods bound to `nodeName` to it, and it answers from files.
 */
export type StubKubeletNode = {
  nodeName: string;
  /** Writes the log `text` (lines starting with an RFC3339 timestamp) of a pod's container. */
  writeLog(
    namespace: string,
    pod: string,
    container: string,
    text: string,
  ): void;
  /** What the kubelet was asked for this pod's logs (paths with the pod name). */
  requestsFor(pod: string): Array<{ path: string }>;
  /** Stops the kubelet, deletes its Node and its files. */
  close(): Promise<void>;
};

/** Starts one (local apiserver only: never register a Node on a real cluster). */
export async function startStubKubeletNode(
  prefix: string,
): Promise<StubKubeletNode> {
  const core = testCluster().admin.makeApiClient(CoreV1Api);
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), `portkey-${prefix}-`));
  const nodeName = `${prefix}-node-${randomBytes(3).toString('hex')}`;
  const kubelet: {
    port: number;
    requests: Array<{ path: string }>;
    close: () => Promise<void>;
  } = await startStubKubelet({ logDir });
  await core.createNode({
    body: stubNodeManifest({
      name: nodeName,
      port: kubelet.port,
    }) as unknown as V1Node,
  });
  return {
    nodeName,
    writeLog(namespace, pod, container, text) {
      fs.mkdirSync(path.join(logDir, namespace, pod), { recursive: true });
      fs.writeFileSync(
        path.join(logDir, namespace, pod, `${container}.log`),
        text,
      );
    },
    requestsFor: pod =>
      kubelet.requests.filter(r => r.path.includes(`/${pod}/`)),
    async close() {
      await kubelet.close();
      await core.deleteNode({ name: nodeName }).catch(() => undefined);
      fs.rmSync(logDir, { recursive: true, force: true });
    },
  };
}
