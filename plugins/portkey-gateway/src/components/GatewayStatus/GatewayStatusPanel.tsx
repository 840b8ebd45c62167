import { Progress } from '@backstage/core-components';
import { Button, Flex } from '@backstage/ui';
import Typography from '@material-ui/core/Typography';
import type { GatewayEntityStatusState } from '../../hooks/useGatewayEntityStatus';
import { requestFailureOf } from '../RequestFailure';
import { freshnessText } from './freshness';
import { GatewayNotFound } from './GatewayNotFound';
import { GatewayStatusDetails } from './GatewayStatusDetails';
import { GatewayStatusFailure } from './GatewayStatusFailure';

function refreshText(state: GatewayEntityStatusState): string {
  if (state.refreshStopped) return ', refresh stopped';
  return state.autoRefresh ? ', refreshed every 10 s' : ', refresh paused';
}

/** How fresh the shown data is, whether a refresh failed since, and a retry once it stopped. */
function Freshness(props: { state: GatewayEntityStatusState }) {
  const { state } = props;
  const { observedAt, error } = state;
  if (!observedAt) return null;
  return (
    <Flex align="center" gap="2" style={{ marginBottom: 16 }}>
      <Typography variant="body2" color="textSecondary">
        {freshnessText(observedAt, Date.now())}
        {refreshText(state)}
        {error &&
          `. The last refresh failed: ${requestFailureOf(error).message}`}
      </Typography>
      {state.refreshStopped && (
        <Button size="small" variant="secondary" onPress={state.refresh}>
          Retry
        </Button>
      )}
    </Flex>
  );
}

/** The entity's gateway status in every state: loading, error, not found, or the details. */
export function GatewayStatusPanel(props: { state: GatewayEntityStatusState }) {
  const { state } = props;
  if (state.loading) return <Progress />;
  if (!state.status) {
    return state.error ? (
      <GatewayStatusFailure
        error={state.error}
        onRetry={state.refreshStopped ? state.refresh : undefined}
      />
    ) : null;
  }
  return (
    <>
      <Freshness state={state} />
      {state.status.gateway ? (
        <GatewayStatusDetails gateway={state.status.gateway} />
      ) : (
        <GatewayNotFound status={state.status} />
      )}
    </>
  );
}
