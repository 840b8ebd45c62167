import { InfoCard, Progress } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { GatewayStatus } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import Typography from '@material-ui/core/Typography';
import { useGatewayEntityStatus } from '../../hooks/useGatewayEntityStatus';
import { GatewayStatusFailure } from './GatewayStatusFailure';
import { HintList } from './HintList';
import { lastProblem } from './lastProblem';
import { RolloutStatus } from './RolloutStatus';
import { replicasText } from './WorkloadSummaryCard';

function versionText(gateway: GatewayStatus): string {
  const chart = gateway.chart ?? 'chart unknown';
  const app = gateway.appVersion
    ? `app ${gateway.appVersion}`
    : 'app version unknown';
  return `${chart}, ${app}`;
}

function GatewayHealth(props: { gateway: GatewayStatus }) {
  const { gateway } = props;
  const problem = lastProblem(gateway);
  return (
    <>
      <RolloutStatus rollout={gateway.rollout} />
      <Typography variant="body1">Replicas: {replicasText(gateway)}</Typography>
      <Typography variant="body1">Version: {versionText(gateway)}</Typography>
      {problem && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 8 }}>
            Last problem
          </Typography>
          <Typography variant="body2">{problem.summary}</Typography>
          {problem.hint && <HintList hints={[problem.hint]} />}
        </>
      )}
    </>
  );
}

/**
 * The entity's gateway at a glance, on the Overview: rollout, replicas, versions and the
 * problem most worth a look.
 *
 * @public
 */
export function EntityPortkeyGatewayCard() {
  const { entity } = useEntity();
  const state = useGatewayEntityStatus(getCompoundEntityRef(entity));
  let body;
  if (state.loading) body = <Progress />;
  else if (!state.status)
    body = state.error && (
      <GatewayStatusFailure
        error={state.error}
        onRetry={state.refreshStopped ? state.refresh : undefined}
      />
    );
  else if (!state.status.gateway) {
    const { release, namespace, cluster } = state.status;
    body = (
      <Typography variant="body1">
        {`No gateway release "${release}" found in namespace "${namespace}" of cluster "${cluster}".`}
      </Typography>
    );
  } else body = <GatewayHealth gateway={state.status.gateway} />;
  return <InfoCard title="Portkey gateway">{body}</InfoCard>;
}
