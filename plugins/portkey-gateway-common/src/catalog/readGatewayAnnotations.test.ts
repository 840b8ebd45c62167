import {
  answersWith,
  parsedCatalogInfo,
  rendered,
} from '../__testUtils__/inputs';
import {
  isGatewayEntity,
  readGatewayAnnotations,
} from './readGatewayAnnotations';

const entity = (annotations: Record<string, string>) => ({
  metadata: { annotations },
});

describe('readGatewayAnnotations', () => {
  it('reads back the gateway that catalog-info.yaml describes', () => {
    for (const cluster of ['eks-eu-1', undefined]) {
      const info = entity(
        parsedCatalogInfo(
          rendered(
            answersWith({
              gateway: { releaseName: 'team-a', namespace: 'ai-prod', cluster },
            }),
          ),
        ).metadata.annotations,
      );
      expect(isGatewayEntity(info)).toBe(true);
      expect(readGatewayAnnotations(info)).toEqual({
        target: {
          release: 'team-a',
          namespace: 'ai-prod',
          ...(cluster ? { cluster } : {}),
        },
      });
    }
  });

  it('names each missing or malformed annotation and what it must be', () => {
    expect(isGatewayEntity(entity({}))).toBe(false);
    expect(readGatewayAnnotations(entity({}))).toEqual({
      problems: [
        {
          annotation: 'portkey.ai/gateway-release',
          message: "is missing: it must name the gateway's Helm release",
        },
        {
          annotation: 'portkey.ai/gateway-namespace',
          message:
            'is missing: it must name the Kubernetes namespace the gateway is installed in',
        },
      ],
    });
    expect(
      readGatewayAnnotations(
        entity({
          'portkey.ai/gateway-release': 'Team_A',
          'portkey.ai/gateway-namespace': 'x'.repeat(64),
          'portkey.ai/gateway-cluster': 'prod eu',
        }),
      ).problems?.map(p => `${p.annotation} ${p.message}`),
    ).toEqual([
      `portkey.ai/gateway-release is "Team_A", which is not a gateway's Helm release: it must be lowercase letters, digits and "-", starting and ending with a letter or digit`,
      `portkey.ai/gateway-namespace is "${'x'.repeat(
        64,
      )}", which is not a Kubernetes namespace the gateway is installed in: it must be at most 63 characters`,
      `portkey.ai/gateway-cluster is "prod eu", which is not a cluster name configured in the portal: it must be a cluster name: letters, digits, "-", "_", ".", ":", "/" and "@"`,
    ]);
  });
});
