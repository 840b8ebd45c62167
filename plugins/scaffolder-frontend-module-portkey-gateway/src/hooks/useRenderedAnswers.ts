import { useMemo } from 'react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { renderGatewayFiles } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { actionInput } from '../rules/pageProblems';

/**
 * What the render step would produce for the form's answers so far (renderGatewayFiles of
 * the common package on the sections the action receives), rendered again only when those
 * answers change: the form hands every field a new formData object on each keystroke.
 */
export function useRenderedAnswers(
  formContext: FieldExtensionComponentProps<unknown>['formContext'],
) {
  const answers = (formContext?.formData ?? {}) as Record<string, unknown>;
  const key = JSON.stringify(actionInput(answers));
  return useMemo(() => renderGatewayFiles(JSON.parse(key)), [key]);
}
