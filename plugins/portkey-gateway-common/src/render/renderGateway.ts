import { GatewayInput } from '../model/gatewayInput';
import {
  GatewayInputError,
  validateGatewayInput,
} from '../model/validateGatewayInput';
import { renderCatalogInfoYaml } from '../catalog/renderCatalogInfo';
import {
  describeSecretKeys,
  GatewayEnvPlan,
  planGatewayEnv,
  SecretKeyDescription,
} from './planGatewayEnv';
import {
  ChartValues,
  chartValuesToYaml,
  renderChartValues,
} from './renderChartValues';
import { gatewayWarnings } from './gatewayWarnings';

/** Everything rendered for one gateway. @public */
export type RenderedGateway = {
  input: GatewayInput;
  plan: GatewayEnvPlan;
  /** The keys the gateway's Secret must hold, in plan order, with what goes in each. */
  secretKeys: SecretKeyDescription[];
  values: ChartValues;
  /** Things a reviewer should know that are allowed but risky. */
  warnings: string[];
  files: { 'values.yaml': string; 'catalog-info.yaml': string };
};

/** @public */
export type RenderGatewayResult =
  | ({ ok: true } & RenderedGateway)
  | { ok: false; errors: GatewayInputError[] };

/**
 * Validates answers and renders the gateway's files. The single entry point the scaffolder
 * action and the CLI share, so both always write the same thing.
 *
 * @public
 */
export function renderGateway(answers: unknown): RenderGatewayResult {
  const validation = validateGatewayInput(answers);
  if (!validation.ok) return validation;
  const input = validation.input;
  const plan = planGatewayEnv(input);
  const values = renderChartValues(input, plan);
  return {
    ok: true,
    input,
    plan,
    secretKeys: describeSecretKeys(plan),
    values,
    warnings: gatewayWarnings(input),
    files: {
      'values.yaml': chartValuesToYaml(values, input),
      'catalog-info.yaml': renderCatalogInfoYaml(input),
    },
  };
}
