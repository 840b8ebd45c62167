import {
  answersWith,
  parsedCatalogInfo,
  parsedValues,
  rendered,
  validInput,
} from '../__testUtils__/inputs';
import { renderCatalogEntity } from './renderCatalogInfo';

describe('catalog-info.yaml', () => {
  it('is a Component the status view and the Kubernetes plugin can find', () => {
    const gateway = rendered(
      answersWith({
        gateway: {
          releaseName: 'team-a',
          namespace: 'ai-prod',
          cluster: 'eks-eu-1',
        },
        catalog: {
          owner: 'group:default/team-a',
          system: 'ai-platform',
          description: 'Team A gateway',
        },
      }),
    );
    expect(parsedCatalogInfo(gateway)).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'team-a-gateway',
        title: 'Portkey gateway team-a (ai-prod)',
        description: 'Team A gateway',
        tags: ['portkey', 'ai-gateway', 'helm'],
        annotations: {
          'backstage.io/kubernetes-id': 'team-a-gateway',
          'backstage.io/kubernetes-namespace': 'ai-prod',
          'portkey.ai/gateway-release': 'team-a',
          'portkey.ai/gateway-namespace': 'ai-prod',
          'portkey.ai/gateway-cluster': 'eks-eu-1',
          'portkey.ai/gateway-chart-version': '1.7.7',
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/team-a',
        system: 'ai-platform',
      },
    });
  });

  it('labels the gateway pods with the same kubernetes-id the entity carries', () => {
    for (const releaseName of ['team-a', 'portkey-gateway', 'gateway']) {
      const gateway = rendered(
        answersWith({ gateway: { releaseName, namespace: 'ai' } }),
      );
      const id =
        parsedCatalogInfo(gateway).metadata.annotations[
          'backstage.io/kubernetes-id'
        ];
      expect(parsedValues(gateway).podLabels).toEqual({
        'backstage.io/kubernetes-id': id,
      });
      expect(parsedCatalogInfo(gateway).metadata.name).toBe(id);
    }
  });

  it('has no cluster annotation and no system when none is given, and a default description', () => {
    const entity = renderCatalogEntity(validInput(answersWith({})));
    expect(entity.metadata.annotations).not.toHaveProperty([
      'portkey.ai/gateway-cluster',
    ]);
    expect(entity.spec).not.toHaveProperty('system');
    expect(entity.metadata.description).toBe(
      'Portkey AI gateway team-a in namespace ai',
    );
  });

  it('names the entity after the chart fullname: the release when it contains "gateway", else <release>-gateway', () => {
    const nameFor = (releaseName: string) =>
      renderCatalogEntity(
        validInput(answersWith({ gateway: { releaseName, namespace: 'ai' } })),
      ).metadata.name;
    expect(nameFor('portkey-ai')).toBe('portkey-ai-gateway');
    expect(nameFor('portkey-gateway')).toBe('portkey-gateway');
    expect(nameFor('gateway-eu')).toBe('gateway-eu');
    expect(nameFor('a'.repeat(53))).toBe(`${'a'.repeat(53)}-gateway`);
  });
});
