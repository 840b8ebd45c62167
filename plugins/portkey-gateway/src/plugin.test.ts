import { portkeyGatewayPlugin } from './plugin';

describe('portkey-gateway', () => {
  it('should export plugin', () => {
    expect(portkeyGatewayPlugin).toBeDefined();
  });
});
