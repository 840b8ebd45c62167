import type { AuditorService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { Request } from 'express';

/**
 * Runs a read that the audit log records (who read which gateway's logs or settings), and
 * records how it ended. The meta names the gateway, never anything read from it.
 */
export async function audited<T>(
  auditor: AuditorService,
  event: { eventId: string; req: Request; meta: JsonObject },
  read: () => Promise<T>,
): Promise<T> {
  const audit = await auditor.createEvent({
    eventId: event.eventId,
    severityLevel: 'medium',
    request: event.req,
    meta: event.meta,
  });
  try {
    const result = await read();
    await audit.success();
    return result;
  } catch (error) {
    await audit.fail({ error: error as Error });
    throw error;
  }
}
