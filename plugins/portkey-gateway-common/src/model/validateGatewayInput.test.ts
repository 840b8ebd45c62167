import { validateGatewayInput } from './validateGatewayInput';

const minimal = {
  gateway: { releaseName: 'team-a', namespace: 'ai' },
  core: { organisationsToSync: 'org-1' },
  logStore: { store: 's3', region: 'us-east-1', bucket: 'portkey-logs' },
  catalog: { owner: 'group:default/team-a' },
};

describe('validateGatewayInput', () => {
  it('accepts a minimal input and applies defaults', () => {
    const result = validateGatewayInput(minimal);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.input.analytics).toEqual({ store: 'control_plane' });
    expect(result.input.cache).toEqual({ store: 'redis' });
    expect(result.input.gateway.chartVersion).toBe('1.7.7');
  });

  it('debug messages', () => {
    const r = validateGatewayInput({ gateway: { releaseName: 'Bad_Name', replicas: 'x' }, logStore: { store: 'ftp' }, cache: {store: 'custom', url: 'redis://u:p@h:6379'} , catalog: {}});
    console.log(JSON.stringify(r, null, 1));
  });
});
