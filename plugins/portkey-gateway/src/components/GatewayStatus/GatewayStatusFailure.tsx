import { FailureWordings, RequestFailureAlert } from '../RequestFailure';

// `retry`: offered only once the refresh stopped (the panel passes onRetry then); a 503 is
// read again every 10 s anyway.
const STATUS_FAILURES: FailureWordings = {
  400: {
    status: 'warning',
    title: "The entity's gateway annotations are not valid",
    advice:
      "Fix the portkey.ai/gateway-* annotations in the entity's catalog-info.yaml.",
    retry: true,
  },
  403: {
    status: 'warning',
    title: "You may not see this gateway's status",
    retry: true,
  },
  404: {
    status: 'warning',
    title: 'Gateway not found',
    advice:
      "Check the entity's portkey.ai/gateway-namespace and portkey.ai/gateway-cluster annotations against the portal's clusters.",
    retry: true,
  },
  503: { status: 'danger', title: "The gateway's cluster cannot be reached" },
};

/**
 * Why the status could not be read, in the user's terms: the entity's annotations (400),
 * a missing permission (403), nothing there (404), the cluster (503), or anything else as
 * the backend said it. `onRetry` when the refresh stopped and only a new read can resume it.
 */
export function GatewayStatusFailure(props: {
  error: Error;
  onRetry?: () => void;
}) {
  return (
    <RequestFailureAlert
      error={props.error}
      onRetry={props.onRetry}
      retryLabel="Retry"
      wording={STATUS_FAILURES}
      fallbackTitle="The gateway's status could not be read"
    />
  );
}
