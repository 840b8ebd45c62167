import {
  GatewayStatusService,
  GatewayStatusServiceOptions,
} from '../GatewayStatusService';

/**
 * Makes status services for one test file and closes them all in its afterAll: a watching
 * service holds connections open, which would keep the jest worker alive.
 */
export function statusServices() {
  const made: GatewayStatusService[] = [];
  return {
    service(options: GatewayStatusServiceOptions = {}) {
      const service = new GatewayStatusService(options);
      made.push(service);
      return service;
    },
    closeAll() {
      made.forEach(service => service.close());
    },
  };
}
