import type { V1ConfigMap, V1Secret } from '@kubernetes/client-node';
import { createHash } from 'node:crypto';
import { CHART } from './chartDefaults';
import { goQuote, goString } from './goTemplate';
import { HelmValue, mapAt } from './helmValues';
import { createdEnvConfig, envData, EnvMode } from './envModes';
import { chartName, ChartContext, gatewayLabels } from './names';

/** A value as the chart's Secret holds it: base64 of its `toString`, nil as empty. */
const secretText = (value: HelmValue) =>
  value === null ? '' : Buffer.from(goString(value)).toString('base64');

/** That Secret or ConfigMap, when the chart renders it. */
export function envConfigObject(
  ctx: ChartContext,
): V1Secret | V1ConfigMap | undefined {
  const mode = createdEnvConfig(ctx);
  if (!mode) return undefined;
  const metadata = { name: mode.name, labels: gatewayLabels(ctx) };
  const entries = envData(ctx);
  if (mode.kind === 'Secret')
    return {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata,
      data: Object.fromEntries(
        entries.map(([key, value]) => [key, secretText(value)]),
      ),
    };
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata,
    data: Object.fromEntries(
      entries.map(([key, value]) => [
        key,
        value === null ? '' : goString(value),
      ]),
    ),
  };
}

/**
 * The pods' `checksum/config` annotation: sha256 of the text the chart renders for that
 * Secret/ConfigMap, so the pods roll when `environment.data` changes; of nothing when the
 * chart creates none. The text is rebuilt line by line as Helm prints it; `selectorLabels`
 * are printed the way go-yaml prints plain strings, which may differ from Helm for values
 * that need quoting (the contract test checks the common cases).
 */
export function envConfigChecksum(ctx: ChartContext): string {
  const mode = createdEnvConfig(ctx);
  return createHash('sha256')
    .update(mode ? envConfigText(ctx, mode) : '')
    .digest('hex');
}

function envConfigText(
  ctx: ChartContext,
  mode: Extract<EnvMode, { mode: 'created' }>,
): string {
  const common = [
    `helm.sh/chart: ${CHART.name}-${CHART.version}`,
    `app.kubernetes.io/version: ${goQuote(CHART.appVersion)}`,
    'app.kubernetes.io/managed-by: Helm',
  ].join('\n');
  const extra = mapAt(ctx.values, 'selectorLabels');
  const selector = [
    `app.kubernetes.io/name: ${chartName(ctx)}`,
    `app.kubernetes.io/instance: ${ctx.release}`,
  ].join('\n');
  const selectorText = Object.keys(extra).length
    ? `${selector}\n${yamlLines(extra)}`
    : selector;
  const nindent4 = (text: string) => `\n    ${text.replace(/\n/g, '\n    ')}`;
  const data = envData(ctx)
    .map(([key, value]) => {
      if (value === null) return `\n  ${key}: ""`;
      return `\n  ${key}: ${
        mode.kind === 'Secret' ? secretText(value) : goQuote(goString(value))
      }`;
    })
    .join('');
  return `apiVersion: v1\nkind: ${mode.kind}\nmetadata:\n  name: ${
    mode.name
  }\n  labels:${nindent4(common)}${nindent4(selectorText)}\ndata:${data}`;
}

/** Helm's `toYaml` of a flat map of strings: sorted keys, a line each, no final newline. */
function yamlLines(map: Record<string, HelmValue>): string {
  const plain = (text: string) =>
    /^[A-Za-z0-9_./-]+$/.test(text) &&
    !/^(y|yes|n|no|true|false|on|off|null|~|[-+]?[0-9.]+(e[-+]?[0-9]+)?)$/i.test(
      text,
    );
  const lines = Object.keys(map)
    .sort()
    .map(key => {
      const text = goString(map[key]);
      return `${key}: ${plain(text) ? text : `"${text.replace(/"/g, '\\"')}"`}`;
    });
  return lines.join('\n');
}
