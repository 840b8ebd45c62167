import { describeChoice, namespaceChoices } from './namespaceChoices';
import { gatewayEntitiesOf } from './gatewayEntities';
import { clusters, gatewayEntity } from './__fixtures__/gatewayStatus';

const [prod, dev] = clusters;
const entities = gatewayEntitiesOf([
  gatewayEntity('a', {
    release: 'a',
    namespace: 'ai-gateways',
    cluster: 'prod',
  }),
  gatewayEntity('b', { release: 'b', namespace: 'team-b', cluster: 'prod' }),
  gatewayEntity('c', { release: 'c', namespace: 'sandbox', cluster: 'dev' }),
]);

describe('namespaceChoices', () => {
  it("offers the allow-list plus the entities' namespaces, marking those the allow-list refuses", () => {
    const choices = namespaceChoices(prod, entities, 2);
    expect(choices.map(c => [c.name, describeChoice(c)])).toEqual([
      ['ai-gateways', 'allow-list, 1 gateway entity'],
      ['ai-gateways-staging', 'allow-list'],
      ['team-b', "not in the cluster's allow-list"],
    ]);
  });

  it('offers only the entities of that cluster when it has no allow-list', () => {
    expect(namespaceChoices(dev, entities, 2)).toEqual([
      { name: 'sandbox', allowed: false, entityCount: 1, refused: false },
    ]);
  });
});
