import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type { GatewayRolloutState } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { ROLLOUT_LABELS } from './describeGatewayHealth';

const ICONS: Record<GatewayRolloutState, typeof StatusOK> = {
  complete: StatusOK,
  progressing: StatusPending,
  degraded: StatusError,
  missing: StatusWarning,
};

/** The rollout state as an icon and a word (the word, not the colour, carries the meaning). */
export function RolloutStatus({ rollout }: { rollout: GatewayRolloutState }) {
  const Icon = ICONS[rollout];
  return <Icon>{ROLLOUT_LABELS[rollout]}</Icon>;
}
