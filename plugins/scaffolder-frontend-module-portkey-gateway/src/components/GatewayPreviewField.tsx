import {
  CopyTextButton,
  MarkdownContent,
  WarningPanel,
} from '@backstage/core-components';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { branchNameFor } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useRenderedAnswers } from '../hooks/useRenderedAnswers';

/** The name templates use: `ui:field: PortkeyGatewayPreview`. @public */
export const GATEWAY_PREVIEW_FIELD = 'PortkeyGatewayPreview';

const useStyles = makeStyles(theme => ({
  file: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
  code: {
    margin: 0,
    padding: theme.spacing(1),
    overflow: 'auto',
    maxHeight: 480,
    fontFamily: 'monospace',
    fontSize: '0.85em',
    whiteSpace: 'pre',
    background: theme.palette.background.default,
  },
}));

const dataUrl = (type: string, text: string) =>
  `data:${type};charset=utf-8,${encodeURIComponent(text)}`;

function FileActions(props: {
  name: string;
  text: string;
  type: string;
  what: string;
}) {
  const { name, text, type, what } = props;
  return (
    <>
      <CopyTextButton
        text={text}
        aria-label={`Copy ${what}`}
        tooltipText={`${what} copied`}
      />
      <Link
        href={dataUrl(type, text)}
        download={name}
        aria-label={`Download ${what}`}
      >
        Download
      </Link>
    </>
  );
}

function FilePreview(props: { path: string; text: string }) {
  const classes = useStyles();
  const name = props.path.split('/').pop()!;
  return (
    <Paper variant="outlined" className={classes.file}>
      <Box className={classes.header}>
        <Typography variant="subtitle1" component="h3">
          <code>{props.path}</code>
        </Typography>
        <FileActions
          name={name}
          text={props.text}
          type="text/yaml"
          what={name}
        />
      </Box>
      <pre className={classes.code} aria-label={props.path}>
        {props.text}
      </pre>
    </Paper>
  );
}

/**
 * The last page of the Portkey gateway template: exactly what Create will propose, rendered
 * in the browser by the same common code the `portkey:gateway:render` action runs: the
 * files, the pull request's title and body, the branch, and the Secret keys to create. It
 * reads only the answers (no secret is ever among them) and calls no API.
 */
export function GatewayPreviewField(
  props: FieldExtensionComponentProps<unknown>,
) {
  const classes = useStyles();
  const result = useRenderedAnswers(props.formContext);

  if (!result.ok) {
    return (
      <WarningPanel
        severity="error"
        title="Nothing to preview: go back and fix these answers"
        defaultExpanded
      >
        <pre>{result.problem === 'input' ? result.errors : result.message}</pre>
      </WarningPanel>
    );
  }
  const { rendered, output } = result;
  const { title, body } = output.pullRequest;
  const secretKeys = output.secretKeys.join('\n');
  return (
    <div data-testid="portkey-gateway-preview">
      <Typography variant="h6" component="h2" gutterBottom>
        Pull request
      </Typography>
      <Paper variant="outlined" className={classes.file}>
        <Box className={classes.header}>
          <Typography variant="subtitle1" component="h3">
            {title}
          </Typography>
          <CopyTextButton
            text={title}
            aria-label="Copy the pull request title"
          />
        </Box>
        <Typography variant="body2" color="textSecondary">
          Branch <code>{branchNameFor(rendered)}</code>
        </Typography>
        <Box className={classes.header}>
          <Typography variant="subtitle2" component="h3">
            Description
          </Typography>
          <FileActions
            name="pull-request.md"
            text={body}
            type="text/markdown"
            what="the pull request description"
          />
        </Box>
        <MarkdownContent content={body} dialect="gfm" />
      </Paper>

      <Typography variant="h6" component="h2" gutterBottom>
        Files
      </Typography>
      {Object.entries(output.files).map(([path, text]) => (
        <FilePreview key={path} path={path} text={text} />
      ))}

      <Typography variant="h6" component="h2" gutterBottom>
        Secret to create before the merge
      </Typography>
      <Paper variant="outlined" className={classes.file}>
        <Box className={classes.header}>
          <Typography variant="subtitle1" component="h3">
            <code>{rendered.plan.secretName}</code> in namespace{' '}
            <code>{rendered.input.gateway.namespace}</code>
          </Typography>
          <CopyTextButton text={secretKeys} aria-label="Copy the Secret keys" />
        </Box>
        <ul aria-label="Secret keys">
          {rendered.secretKeys.map(k => (
            <li key={k.key}>
              <code>{k.key}</code>: {k.description}
            </li>
          ))}
        </ul>
      </Paper>
    </div>
  );
}
