import { findGatewayEntity, gatewayEntitiesOf } from './gatewayEntities';
import { gatewayEntity } from './__fixtures__/gatewayStatus';

const entities = gatewayEntitiesOf([
  gatewayEntity('prod-gw', {
    release: 'portkey-ai',
    namespace: 'ai-gateways',
    cluster: 'prod',
  }),
  gatewayEntity('only-cluster-gw', {
    release: 'solo',
    namespace: 'ai-gateways',
  }),
  gatewayEntity('broken', {
    release: 'Not A Release!',
    namespace: 'ai-gateways',
  }),
]);

describe('gateway entities', () => {
  it('leaves out entities whose annotations name no usable gateway', () => {
    expect(entities.map(e => e.entityRef.name)).toEqual([
      'prod-gw',
      'only-cluster-gw',
    ]);
  });

  it('matches release, namespace and cluster', () => {
    const where = {
      cluster: 'prod',
      namespace: 'ai-gateways',
      release: 'portkey-ai',
      clusterCount: 2,
    };
    expect(findGatewayEntity(entities, where)?.entityRef.name).toBe('prod-gw');
    expect(
      findGatewayEntity(entities, { ...where, cluster: 'dev' }),
    ).toBeUndefined();
    expect(
      findGatewayEntity(entities, { ...where, namespace: 'other' }),
    ).toBeUndefined();
  });

  it('matches an entity without cluster only in the only cluster or the one named default', () => {
    const where = { namespace: 'ai-gateways', release: 'solo' };
    expect(
      findGatewayEntity(entities, {
        ...where,
        cluster: 'prod',
        clusterCount: 1,
      }),
    ).toBeDefined();
    expect(
      findGatewayEntity(entities, {
        ...where,
        cluster: 'prod',
        clusterCount: 2,
      }),
    ).toBeUndefined();
    expect(
      findGatewayEntity(entities, {
        ...where,
        cluster: 'default',
        clusterCount: 2,
      }),
    ).toBeDefined();
  });
});
