import fc from 'fast-check';
import {
  CHART_DOCUMENTED_ENV_KEYS,
  CHART_FREE_FORM_PATHS,
  CHART_KEY_PATHS,
} from '../chart/chartFacts';
import { validAnswers } from '../__testUtils__/arbitraries';
import { answersWith, rendered } from '../__testUtils__/inputs';
import { README_OPTIONS } from '../__testUtils__/readmeOptions';
import { renderGateway } from './renderGateway';

// A key the chart does not know is silently ignored by Helm: every key path the renderer
// emits must exist in the chart's default values.yaml (chart-1.7.7.facts.json).

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Key paths of rendered values that the chart does not know, and env keys it does not document. */
function unknownPaths(values: Record<string, unknown>): string[] {
  const known = new Set(CHART_KEY_PATHS);
  const unknown: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (path === 'environment.data') {
      if (!isMap(node)) return unknown.push(`${path} (not a map)`);
      for (const key of Object.keys(node))
        if (!CHART_DOCUMENTED_ENV_KEYS.includes(key))
          unknown.push(`${path}.${key}`);
      return undefined;
    }
    // Below a free-form map (podLabels, serviceAccount.annotations...) any key is allowed.
    if (CHART_FREE_FORM_PATHS.includes(path))
      return isMap(node) ? undefined : unknown.push(`${path} (not a map)`);
    // A map: walk into it (a known path is a value or a list in the chart, not a map).
    if (isMap(node)) {
      if (known.has(path))
        return unknown.push(`${path} (a map where the chart has a value)`);
      for (const [key, child] of Object.entries(node))
        walk(child, path ? `${path}.${key}` : key);
      return undefined;
    }
    // Lists and scalars stop here.
    if (!known.has(path)) unknown.push(path);
    return undefined;
  };
  walk(values, '');
  return unknown;
}

const VARIANTS = [
  ...README_OPTIONS.map(o => [o.name, o.answers] as const),
  [
    'ingress with TLS, autoscaling, image tag, pull secret, MCP Service',
    answersWith({
      gateway: {
        releaseName: 'team-a',
        namespace: 'ai',
        imageTag: '2.13.0',
        autoscaling: {
          enabled: true,
          minReplicas: 2,
          maxReplicas: 4,
          targetMemoryUtilizationPercentage: 70,
        },
        ingress: {
          enabled: true,
          host: 'gw.example.com',
          tlsSecretName: 'gw-tls',
        },
      },
      secrets: { secretName: 'creds', imagePullSecretName: 'regcred' },
      server: { mode: 'all', separateMcpService: true },
    }),
  ],
  [
    'existing service account',
    answersWith({ serviceAccount: { mode: 'existing', name: 'portkey' } }),
  ],
] as const;

describe('every key path the renderer emits exists in chart 1.7.7', () => {
  it.each(VARIANTS)('%s', (_name, answers) => {
    expect(unknownPaths(rendered(answers).values)).toEqual([]);
  });

  it('for any valid input', () => {
    fc.assert(
      fc.property(validAnswers(), answers => {
        const result = renderGateway(answers);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(unknownPaths(result.values)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('catches a misspelt key (the check itself works)', () => {
    expect(
      unknownPaths({
        serviceAccount: {
          create: true,
          nmae: 'x',
          annotations: { anything: 'ok' },
        },
        ingress: { hosts: ['a'], hostname: { name: 'x' } },
        podLabels: { free: 'form' },
        environment: { data: { SERVER_MODE: '', LOG_STORE_BUCKET: 'x' } },
      }),
    ).toEqual([
      'serviceAccount.nmae',
      'ingress.hosts',
      'ingress.hostname (a map where the chart has a value)',
      'environment.data.LOG_STORE_BUCKET',
    ]);
  });
});
