import { useEffect, useMemo, useRef, useState } from 'react';
import { WarningPanel } from '@backstage/core-components';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { pageFields, pageKey } from '../rules/pageFields';
import {
  formatPageProblem,
  GatewayRulesValue,
  pageProblems,
  visitPage,
} from '../rules/pageProblems';

/** The name templates use: `ui:field: PortkeyGatewayRules`. @public */
export const GATEWAY_RULES_FIELD = 'PortkeyGatewayRules';

/**
 * Put on every page of the Portkey gateway template. It records which model fields the page
 * asks for (read from the page's schema), and on Next runs the gateway model on the answers so
 * far: a problem with a field on this page or an earlier one keeps the user on this page.
 * After the first Next, it also lists those problems as they are fixed (even when the form's
 * own checks stopped Next before the model ran).
 */
export function GatewayRulesField(
  props: FieldExtensionComponentProps<GatewayRulesValue>,
) {
  const { formData, onChange, registry, formContext } = props;
  const rootSchema = registry.rootSchema;
  const answers = formContext?.formData as Record<string, unknown> | undefined;
  const page = useMemo(
    () => ({
      key: pageKey(rootSchema),
      fields: pageFields(rootSchema, answers ?? {}),
    }),
    [rootSchema, answers],
  );
  const value = useMemo(() => visitPage(formData, page), [formData, page]);
  const changed = JSON.stringify(value) !== JSON.stringify(formData);
  useEffect(() => {
    if (changed) onChange(value);
  }, [changed, value, onChange]);

  // The form's own checks stop Next before any field validation runs: the browser's (a
  // required input fires "invalid" and no "submit") and react-jsonschema-form's. Listen for
  // the attempt, so the model's messages show then too.
  const ref = useRef<HTMLDivElement>(null);
  const [attempted, setAttempted] = useState(false);
  useEffect(() => {
    const form = ref.current?.closest('form');
    const onAttempt = () => setAttempted(true);
    form?.addEventListener('submit', onAttempt, true);
    form?.addEventListener('invalid', onAttempt, true);
    return () => {
      form?.removeEventListener('submit', onAttempt, true);
      form?.removeEventListener('invalid', onAttempt, true);
    };
  }, []);

  const problems = attempted ? pageProblems(answers, value.pages) : [];

  return (
    <div ref={ref} data-testid="portkey-gateway-rules">
      {problems.length > 0 && (
        <WarningPanel
          severity="error"
          title="The gateway model refuses these answers"
          defaultExpanded
        >
          {/* min-width 0 and wrapping: the panel's grid otherwise lets a long message run
              past its right edge, where it is cut off (seen in chromium). */}
          <List dense style={{ minWidth: 0 }}>
            {problems.map(problem => (
              <ListItem key={`${problem.field}:${problem.message}`}>
                <ListItemText
                  primary={formatPageProblem(problem)}
                  primaryTypographyProps={{
                    style: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
                  }}
                />
              </ListItem>
            ))}
          </List>
        </WarningPanel>
      )}
    </div>
  );
}

/** Next: the model's problems with fields on the pages reached so far. @public */
export const validateGatewayRules: CustomFieldValidator<GatewayRulesValue> = (
  value,
  fieldValidation,
  context,
) => {
  for (const problem of pageProblems(context.formData, value?.pages ?? []))
    fieldValidation.addError(formatPageProblem(problem));
};
