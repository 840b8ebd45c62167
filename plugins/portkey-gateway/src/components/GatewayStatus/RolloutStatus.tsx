import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type { GatewayRolloutState } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

/** What each rollout state is called, wherever it is shown. */
export const ROLLOUT_LABELS: Record<GatewayRolloutState, string> = {
  complete: 'Rollout complete',
  progressing: 'Rollout in progress',
  degraded: 'Rollout degraded',
  missing: 'Deployment missing',
};

const ROLLOUT_ICONS = {
  complete: StatusOK,
  progressing: StatusPending,
  degraded: StatusError,
  missing: StatusWarning,
} satisfies Record<GatewayRolloutState, unknown>;

/** The rollout state with its status icon; the label says it in words too (not colour alone). */
export function RolloutStatus(props: { rollout: GatewayRolloutState }) {
  const Icon = ROLLOUT_ICONS[props.rollout];
  return <Icon>{ROLLOUT_LABELS[props.rollout]}</Icon>;
}
