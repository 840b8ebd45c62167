import type { GatewayHint } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import Typography from '@material-ui/core/Typography';

/** Plain-language hints for known causes (the backend already shows each only once). */
export function HintList(props: { hints: GatewayHint[] }) {
  if (!props.hints.length) return null;
  return (
    <ul style={{ margin: 0, paddingLeft: '1.25em' }}>
      {props.hints.map(hint => (
        <li key={`${hint.reason}:${hint.message}`}>
          <Typography variant="body2" component="span">
            <strong>{hint.reason}</strong>: {hint.message}
          </Typography>
        </li>
      ))}
    </ul>
  );
}
