import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';

/** The backend's own message (it names the annotation, cluster or permission). */
function backendMessage(error: Error): string {
  return error instanceof ResponseError
    ? error.body.error.message
    : error.message;
}

function statusCodeOf(error: Error): number | undefined {
  return error instanceof ResponseError ? error.statusCode : undefined;
}

/**
 * Why the status could not be read, in the user's terms: the entity's annotations (400),
 * a missing permission (403), the cluster (503), or anything else as the backend said it.
 */
export function GatewayStatusError(props: { error: Error }) {
  const { error } = props;
  const message = backendMessage(error);
  switch (statusCodeOf(error)) {
    case 400:
      return (
        <WarningPanel
          title="The entity's gateway annotations are not valid"
          message={`${message}. Fix the portkey.ai/gateway-* annotations in the entity's catalog-info.yaml.`}
          defaultExpanded
        />
      );
    case 403:
      return (
        <WarningPanel
          title="You may not see this gateway's status"
          message={message}
          defaultExpanded
        />
      );
    case 503:
      return (
        <WarningPanel
          severity="error"
          title="The gateway's cluster cannot be reached"
          message={message}
          defaultExpanded
        />
      );
    default:
      return <ResponseErrorPanel error={error} />;
  }
}
