import type { GatewayWarningEvent } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import Typography from '@material-ui/core/Typography';
import { HintList } from './HintList';

/** Warning events, each with its count and hint; `showObject` for workload-level lists. */
export function WarningList(props: {
  warnings: GatewayWarningEvent[];
  showObject?: boolean;
}) {
  if (!props.warnings.length) return null;
  return (
    <ul style={{ margin: 0, paddingLeft: '1.25em' }}>
      {props.warnings.map(warning => (
        <li key={`${warning.object}:${warning.reason}:${warning.message}`}>
          <Typography variant="body2" component="span">
            {props.showObject && `${warning.object}: `}
            <strong>{warning.reason}</strong>
            {warning.count > 1 && ` (×${warning.count})`}: {warning.message}
          </Typography>
          {warning.hint && <HintList hints={[warning.hint]} />}
        </li>
      ))}
    </ul>
  );
}
