import { renderGateway } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { helmTemplate as renderWithHelm } from '@portkey-gateway-backstage/demo-cluster';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import YAML from 'yaml';

// Renders every template example with the REAL chart and `helm template`, and checks what
// the cluster would get. The chart cannot be vendored here, so this runs only when
// PORTKEY_CHART_DIR points at charts/portkey-gateway of Portkey-AI/helm (gateway-1.7.7), e.g.
//   helm pull portkey-ai/gateway --version 1.7.7 --untar -d /tmp/chart
//   PORTKEY_CHART_DIR=/tmp/chart/gateway yarn workspace ... test src/chart
const chartDir = process.env.PORTKEY_CHART_DIR;
const repoRoot = resolve(__dirname, '../../../..');
const examplesDir = join(repoRoot, 'templates/portkey-gateway/examples');

type Manifest = { kind: string; metadata: { name: string }; spec: any };

/** The real chart's objects for these values (helm template, as demo-cluster runs it). */
const helmTemplate = (release: string, namespace: string, valuesYaml: string) =>
  renderWithHelm(chartDir!, release, namespace, valuesYaml) as Manifest[];

(chartDir ? describe : describe.skip)(
  `the real chart (PORTKEY_CHART_DIR=${chartDir ?? 'unset'})`,
  () => {
    const examples = readdirSync(examplesDir).filter(f => f.endsWith('.yaml'));

    it.each(examples)(
      '%s renders with helm and gives the gateway exactly the planned env',
      file => {
        const { repoUrl: _, ...answers } = YAML.parse(
          readFileSync(join(examplesDir, file), 'utf8'),
        );
        const result = renderGateway(answers);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        const { releaseName, namespace } = result.input.gateway;
        const manifests = helmTemplate(
          releaseName,
          namespace,
          result.files['values.yaml'],
        );

        for (const service of manifests.filter(m => m.kind === 'Service')) {
          expect({
            service: service.metadata.name,
            ports: service.spec.ports?.length ?? 0,
          }).toEqual({
            service: service.metadata.name,
            ports: expect.any(Number),
          });
          expect(service.spec.ports.length).toBeGreaterThan(0);
        }
        const deployments = manifests.filter(m => m.kind === 'Deployment');
        for (const deployment of deployments.filter(
          d => d.metadata.name !== 'redis',
        )) {
          expect(deployment.spec.template.spec.serviceAccountName).toBeTruthy();
        }
        const gateway = deployments.find(
          d => d.spec.template.spec.containers[0].name === 'gateway',
        )!;
        const env: Array<{ name: string; value?: string; valueFrom?: any }> =
          gateway.spec.template.spec.containers[0].env;
        const byName = new Map(env.map(e => [e.name, e]));
        const expected = [...result.plan.env].map(([key, source]) =>
          source.from === 'literal'
            ? { key, value: source.value }
            : { key, ref: { name: source.secretName, key: source.key } },
        );
        const actual = [...result.plan.env].map(([key, source]) => {
          const entry = byName.get(key);
          return source.from === 'literal'
            ? { key, value: entry?.value }
            : { key, ref: entry?.valueFrom?.secretKeyRef };
        });
        expect(actual).toEqual(expected);
        // Nothing else reaches the gateway but what the chart adds itself.
        const planned = new Set([
          ...result.plan.env.keys(),
          'DATASERVICE_BASEPATH',
        ]);
        expect(env.map(e => e.name).filter(name => !planned.has(name))).toEqual(
          [],
        );
        expect(JSON.stringify(manifests)).not.toContain('<nil>');
        // The in-cluster Redis exists only when chosen, and no registry Secret is rendered.
        expect(deployments.some(d => d.metadata.name === 'redis')).toBe(
          result.input.cache.store === 'redis',
        );
        expect(manifests.filter(m => m.kind === 'Secret')).toEqual([]);
      },
    );
  },
);
