import { ConfigReader } from '@backstage/config';
import { readGatewayNameLabels } from './gatewayNameLabels';

describe('readGatewayNameLabels', () => {
  it('is the chart name, plus the configured nameOverrides, once each', () => {
    expect(readGatewayNameLabels(new ConfigReader({}))).toEqual(['gateway']);
    expect(
      readGatewayNameLabels(
        new ConfigReader({
          portkeyGateway: { chartNameOverrides: ['llm', 'gateway', 'llm'] },
        }),
      ),
    ).toEqual(['gateway', 'llm']);
  });

  it('refuses a value that is no Kubernetes label value, naming the key and what is allowed', () => {
    expect(() =>
      readGatewayNameLabels(
        new ConfigReader({
          portkeyGateway: { chartNameOverrides: ['llm', 'my gateway,x'] },
        }),
      ),
    ).toThrow(
      'portkeyGateway.chartNameOverrides[1] "my gateway,x" is not a Kubernetes label value: 1 to 63 letters, digits, "-", "_" or ".", beginning and ending with a letter or digit',
    );
  });
});
