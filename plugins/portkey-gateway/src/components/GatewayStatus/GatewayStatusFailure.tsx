import { FailureWordings, RequestFailureAlert } from '../RequestFailure';

const STATUS_FAILURES: FailureWordings = {
  400: {
    status: 'warning',
    title: "The entity's gateway annotations are not valid",
    advice:
      "Fix the portkey.ai/gateway-* annotations in the entity's catalog-info.yaml.",
  },
  403: { status: 'warning', title: "You may not see this gateway's status" },
  503: { status: 'danger', title: "The gateway's cluster cannot be reached" },
};

/**
 * Why the status could not be read, in the user's terms: the entity's annotations (400),
 * a missing permission (403), the cluster (503), or anything else as the backend said it.
 */
export function GatewayStatusFailure(props: { error: Error }) {
  return (
    <RequestFailureAlert
      error={props.error}
      wording={STATUS_FAILURES}
      fallbackTitle="The gateway's status could not be read"
    />
  );
}
