import { Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { GatewayEntityStatusState } from '../../hooks/useGatewayEntityStatus';
import { requestFailureOf } from '../RequestFailure';
import { freshnessText } from './freshness';
import { GatewayNotFound } from './GatewayNotFound';
import { GatewayStatusDetails } from './GatewayStatusDetails';
import { GatewayStatusFailure } from './GatewayStatusFailure';

/** How fresh the shown data is, and whether a refresh failed since. */
function Freshness(props: { state: GatewayEntityStatusState }) {
  const { observedAt, error, autoRefresh } = props.state;
  if (!observedAt) return null;
  return (
    <Typography variant="body2" color="textSecondary" paragraph>
      {freshnessText(observedAt, Date.now())}
      {autoRefresh ? ', refreshed every 10 s' : ', refresh paused'}
      {error &&
        `. The last refresh failed: ${requestFailureOf(error).message}`}
    </Typography>
  );
}

/** The entity's gateway status in every state: loading, error, not found, or the details. */
export function GatewayStatusPanel(props: { state: GatewayEntityStatusState }) {
  const { state } = props;
  if (state.loading) return <Progress />;
  if (!state.status) {
    return state.error ? <GatewayStatusFailure error={state.error} /> : null;
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
