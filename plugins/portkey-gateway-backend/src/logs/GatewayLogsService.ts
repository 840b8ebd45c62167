import { Request, Response } from 'express';
import { NamespaceTarget } from '../kubernetes/target';
import { GatewayPodCheck, GatewayPodCheckOptions } from './GatewayPodCheck';
import { DEFAULT_MAX_LINE_BYTES } from './LogLineSplitter';
import { openUpstreamLog, UpstreamLog } from './openUpstreamLog';
import { parseLogQuery } from './parseLogQuery';
import { watchClientLeaving } from './watchClientLeaving';
import { writeLogResponse } from './writeLogResponse';

/** 10 MB: the most log text one request sends. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** 15 s: well under the idle timeouts of common proxies and load balancers (60 s). */
export const DEFAULT_HEARTBEAT_MS = 15_000;

export type GatewayLogsServiceOptions = GatewayPodCheckOptions & {
  /** The most bytes of log text sent per request (and asked of Kubernetes as limitBytes). */
  maxBytes?: number;
  /** The longest line held in memory; longer lines are cut. */
  maxLineBytes?: number;
  /** How often a follow stream sends an SSE comment, so that idle proxies keep it open. */
  heartbeatMs?: number;
};

export type SendLogsTarget = NamespaceTarget & {
  pod: string;
  /** Only this release's pods (the entity routes); any gateway release's when absent. */
  release?: string;
  query: Request['query'];
  req: Request;
  res: Response;
};

/**
 * Sends a gateway pod's logs, redacted, once (text/plain) or followed live (server-sent
 * events). Only a gateway release's own pods are read (GatewayPodCheck): any other pod is a
 * 404 before anything is asked of pods/log. The request goes through the cluster's API
 * server (pods/log, with its RBAC and validation), never to a kubelet directly.
 */
export class GatewayLogsService {
  private readonly maxBytes: number;
  private readonly maxLineBytes: number;
  private readonly heartbeatMs: number;
  private readonly podCheck: GatewayPodCheck;

  constructor(options: GatewayLogsServiceOptions = {}) {
    this.podCheck = new GatewayPodCheck(options);
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  }

  async sendLogs(target: SendLogsTarget): Promise<void> {
    const { req, res } = target;
    const query = parseLogQuery(target.query);
    // Before the first wait, so that a client leaving during it is noticed.
    const client = watchClientLeaving(req, res);
    let upstream: UpstreamLog | undefined;
    try {
      await this.podCheck.check(target, query.container);
      if (!client.left) {
        upstream = await openUpstreamLog({
          target,
          query,
          maxBytes: this.maxBytes,
          client,
        });
      }
    } catch (error) {
      if (!client.left) {
        client.stop();
        throw error;
      } // else nobody to tell
    }
    if (!upstream) {
      client.stop();
      return;
    }
    await writeLogResponse(upstream, res, client, {
      follow: query.follow,
      maxBytes: this.maxBytes,
      maxLineBytes: this.maxLineBytes,
      heartbeatMs: this.heartbeatMs,
    });
  }
}
