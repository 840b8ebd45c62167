import {
  dataServiceDeployment,
  gatewayDeployment,
} from '../settings/__testUtils__/chartObjects';
import { findGateways, isGateway } from './findGateways';

// The chart labels the data service Deployment itself like the gateway's; only its selector
// and pod template carry app.kubernetes.io/component (REFERENCE.md §4).
describe('telling the gateway Deployment from the data service Deployment', () => {
  const release = 'portkey-ai';
  const gateway = gatewayDeployment({
    release,
    env: [],
    serviceAccountName: 'default',
  });
  const dataService = dataServiceDeployment(release);

  it('takes only the Deployment without a component label anywhere for the gateway', () => {
    expect(isGateway(gateway)).toBe(true);
    expect(isGateway(dataService)).toBe(false);
  });

  it('lists no gateway for a release with only a data service, and puts the data service beside its gateway', () => {
    const [status] = findGateways({
      pods: [],
      deployments: [dataService],
      events: [],
    });
    // The release is known from the gateway objects only: none here.
    expect(status).toBeUndefined();
    const [both] = findGateways({
      pods: [],
      deployments: [dataService, gateway],
      events: [],
    });
    expect(both.release).toBe(release);
    expect(both.deployment).toBe('portkey-ai-gateway');
    // Found as a Deployment (its replicas), not only by pods.
    expect(both.dataService).toMatchObject({
      deployment: 'portkey-ai-gateway-dataservice',
      replicas: { desired: 1 },
    });
  });
});
