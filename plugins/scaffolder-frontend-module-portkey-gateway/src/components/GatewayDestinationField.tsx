import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { branchNameFor } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import Typography from '@material-ui/core/Typography';
import { useRenderedAnswers } from '../hooks/useRenderedAnswers';

/** The name templates use: `ui:field: PortkeyGatewayDestination`. @public */
export const GATEWAY_DESTINATION_FIELD = 'PortkeyGatewayDestination';

/**
 * Where the pull request puts the files, for the answers given: the folder and the branch the
 * render step will use, computed by its own code (a description cannot use other answers in
 * this scaffolder version). Form-only: it has no value of its own.
 */
export function GatewayDestinationField(
  props: FieldExtensionComponentProps<unknown>,
) {
  const result = useRenderedAnswers(props.formContext);
  if (!result.ok) {
    return (
      <Typography variant="body2" color="textSecondary">
        The folder and the branch follow from the namespace and release name of
        the first page, once every earlier page is answered.
      </Typography>
    );
  }
  const folder = result.output.targetPath;
  return (
    <Typography variant="body2" aria-label="Where the files go">
      The pull request adds <code>{folder}/values.yaml</code> and{' '}
      <code>{folder}/catalog-info.yaml</code> to the repository chosen below, on
      the branch <code>{branchNameFor(result.rendered)}</code>.
    </Typography>
  );
}
