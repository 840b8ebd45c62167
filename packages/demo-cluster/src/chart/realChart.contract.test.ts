/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectSameObjects"] }] */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHART, CHART_DEFAULT_VALUES } from './chartDefaults';
import { parseValuesYaml } from './helmValues';
import { helmTemplate } from './helmTemplate';
import { renderChartObjects } from './renderChartObjects';
import { byKey, objectKeys } from './__testUtils__/compareObjects';
import { exampleFiles, renderExample } from './__testUtils__/templateExamples';
import { VALUE_CASES } from './__testUtils__/valueCases';

// The stand-in against the REAL chart: `helm template` of each template example (and of
// VALUE_CASES) next to renderChartObjects, object by object. The chart cannot be vendored,
// so this runs only when PORTKEY_CHART_DIR points at charts/portkey-gateway of
// Portkey-AI/helm (gateway-1.7.7), e.g.
//   helm pull portkey-ai/gateway --version 1.7.7 --untar -d /tmp/chart
//   PORTKEY_CHART_DIR=/tmp/chart/gateway CI=true yarn workspace @portkey-gateway-backstage/demo-cluster test src/chart
const chartDir = process.env.PORTKEY_CHART_DIR;

/** Both renderings: the same (kind, name) set, then each object equal. */
function expectSameObjects(release: string, namespace: string, values: string) {
  const real = helmTemplate(chartDir!, release, namespace, values);
  const standIn = renderChartObjects({ values, release, namespace });
  expect(objectKeys(standIn)).toEqual(objectKeys(real));
  // One object at a time, so a failure names it and shows its diff only.
  const realByKey = byKey(real);
  const standInByKey = byKey(standIn);
  for (const key of Object.keys(realByKey))
    expect({ [key]: standInByKey[key] }).toEqual({ [key]: realByKey[key] });
}

(chartDir ? describe : describe.skip)(
  `the chart stand-in against the real chart (PORTKEY_CHART_DIR=${
    chartDir ?? 'unset: skipped'
  })`,
  () => {
    it('has the default values and version of that chart', () => {
      expect(
        parseValuesYaml(readFileSync(join(chartDir!, 'values.yaml'), 'utf8')),
      ).toEqual(CHART_DEFAULT_VALUES);
      const chart = parseValuesYaml(
        readFileSync(join(chartDir!, 'Chart.yaml'), 'utf8'),
      );
      expect({
        name: chart.name,
        version: chart.version,
        appVersion: chart.appVersion,
      }).toEqual(CHART);
    });

    it.each(exampleFiles())('renders %s as helm template does', file => {
      const rendered = renderExample(file);
      const { releaseName, namespace } = rendered.input.gateway;
      expectSameObjects(releaseName, namespace, rendered.files['values.yaml']);
    });

    it.each(Object.keys(VALUE_CASES))(
      'renders "%s" as helm template does',
      name => {
        const { release, values } = VALUE_CASES[name];
        expectSameObjects(release, 'contract', values);
      },
    );
  },
);
