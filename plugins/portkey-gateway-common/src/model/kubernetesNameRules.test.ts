import {
  isClusterName,
  isHelmReleaseName,
  isNamespaceName,
  isObjectName,
  KUBERNETES_NAME_RULES,
  nameProblem,
} from './kubernetesNameRules';

describe('Kubernetes name rules', () => {
  it('namespaces are DNS labels of at most 63 characters', () => {
    expect(isNamespaceName('ai-gateways')).toBe(true);
    expect(isNamespaceName('a'.repeat(63))).toBe(true);
    expect(isNamespaceName('a'.repeat(64))).toBe(false);
    for (const name of ['', 'AI', 'ai.gateways', '-ai', 'ai-'])
      expect(isNamespaceName(name)).toBe(false);
  });

  it('releases are DNS labels of at most 53 characters, with the reason in the message', () => {
    expect(isHelmReleaseName('team-a')).toBe(true);
    expect(isHelmReleaseName('team.a')).toBe(false);
    expect(nameProblem(KUBERNETES_NAME_RULES.helmRelease, 'a'.repeat(54))).toBe(
      'must be at most 53 characters (Helm limit)',
    );
  });

  it('objects (pods, Secrets, ConfigMaps) are DNS subdomains of at most 253 characters', () => {
    expect(isObjectName('team-a-gateway-7d9f8b6c4-x2x9z')).toBe(true);
    expect(isObjectName('gateway.secrets')).toBe(true);
    expect(isObjectName('a..b')).toBe(false);
    expect(isObjectName('a'.repeat(254))).toBe(false);
  });

  it('clusters take the names real configs use, but no spaces', () => {
    for (const name of [
      'prod-eu',
      'Production',
      'gke_my-project_europe-west1_prod',
      'arn:aws:eks:eu-west-1:123456789012:cluster/prod',
      'admin@kind-kind',
      'default',
    ])
      expect(isClusterName(name)).toBe(true);
    for (const name of ['', 'prod eu', 'prod\neu', '{{ x }}'])
      expect(isClusterName(name)).toBe(false);
    expect(nameProblem(KUBERNETES_NAME_RULES.cluster, 'prod eu')).toBe(
      'must be a cluster name: letters, digits, "-", "_", ".", ":", "/" and "@"',
    );
  });
});
