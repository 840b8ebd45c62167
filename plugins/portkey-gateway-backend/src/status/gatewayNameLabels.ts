import type { Config } from '@backstage/config';
import { DEFAULT_GATEWAY_NAME_LABELS } from './findGateways';

const KEY = 'portkeyGateway.chartNameOverrides';
/** A Kubernetes label value: at most 63 characters, alphanumeric at both ends. */
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/**
 * The `app.kubernetes.io/name` values gateway objects carry: the chart's `gateway`, plus the
 * `nameOverride` of releases installed with one (which replaces it). A value that is no label
 * value would make every list request fail, so it stops the backend at start, named.
 */
export function readGatewayNameLabels(config: Config): string[] {
  const overrides = config.getOptionalStringArray(KEY) ?? [];
  overrides.forEach((value, index) => {
    if (!LABEL_VALUE.test(value)) {
      throw new Error(
        `${KEY}[${index}] "${value}" is not a Kubernetes label value: 1 to 63 letters, digits, "-", "_" or ".", beginning and ending with a letter or digit`,
      );
    }
  });
  return [...new Set([...DEFAULT_GATEWAY_NAME_LABELS, ...overrides])];
}
