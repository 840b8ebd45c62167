import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Flex } from '@backstage/ui';
import { EmptyState, Progress } from '@backstage/core-components';
import {
  GATEWAY_LOGS_DEFAULT_CONTAINER,
  GATEWAY_LOGS_DEFAULT_TAIL_LINES,
  type GatewayPodStatus,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import type { GatewayLogsSource } from '../../api/PortkeyGatewayApi';
import { useLogSearch } from '../../hooks/useLogSearch';
import { useLogStream } from '../../hooks/useLogStream';
import { downloadLog, logFileName } from './downloadLog';
import { LogLines } from './LogLines';
import { LogNotices } from './LogNotices';
import { LogToolbar, type LogSelection } from './LogToolbar';
import { FailureWordings, RequestFailureAlert } from '../RequestFailure';

const LOG_FAILURES: FailureWordings = {
  // A missing permission is an answer, not a failure: worded as the settings word it, no retry.
  403: {
    status: 'info',
    title: "You may not read this gateway's logs",
    advice:
      "Its status is still shown to you. Ask the gateway's owners, or your portal's administrators, for the logs permission.",
  },
  404: { status: 'danger', title: 'Log not found', retry: true },
  503: {
    status: 'danger',
    title: 'The cluster cannot be reached',
    retry: true,
  },
};

/** Lines kept in the browser; the oldest go first (a followed log at 1,000 lines/s keeps 50 s). */
export const LOG_BUFFER_MAX_LINES = 50_000;
const LOG_VIEW_HEIGHT = 560;

export type GatewayLogsViewProps = {
  /** The gateway's pods (gateway, data service, Redis), as the status shows them. */
  pods: GatewayPodStatus[];
  source: GatewayLogsSource;
};

/** Tuning the tests (and only they) change. */
export type GatewayLogsPanelOptions = {
  maxLines?: number;
  retryDelaysMs?: readonly number[];
  height?: number;
};

/**
 * The logs of a gateway's pods: pick a pod and container, read or follow its log, search,
 * download. Scrolling up pauses the view (lines keep arriving); "resume" or End goes back
 * to the end.
 */
export function GatewayLogsView(props: GatewayLogsViewProps) {
  return <GatewayLogsPanel {...props} />;
}

function defaultContainer(pod: GatewayPodStatus | undefined): string {
  const names = pod?.containers.map(c => c.name) ?? [];
  return names.includes(GATEWAY_LOGS_DEFAULT_CONTAINER) || names.length === 0
    ? GATEWAY_LOGS_DEFAULT_CONTAINER
    : names[0];
}

export function GatewayLogsPanel(
  props: GatewayLogsViewProps & GatewayLogsPanelOptions,
) {
  const {
    pods,
    source,
    maxLines = LOG_BUFFER_MAX_LINES,
    retryDelaysMs,
    height = LOG_VIEW_HEIGHT,
  } = props;
  const [selection, setSelection] = useState<LogSelection>(() => ({
    pod: pods[0]?.name ?? '',
    container: defaultContainer(pods[0]),
    tailLines: GATEWAY_LOGS_DEFAULT_TAIL_LINES,
    sinceSeconds: undefined,
    previous: false,
    follow: true,
    timestamps: false,
    wrap: false,
  }));

  // The pods come from a status that refreshes: a pod that went away is replaced by the first.
  const pod = pods.find(p => p.name === selection.pod) ?? pods[0];
  const container =
    pod?.containers.find(c => c.name === selection.container) ??
    pod?.containers.find(c => c.name === defaultContainer(pod));
  const containerName = container?.name ?? defaultContainer(pod);
  const canReadPrevious = (container?.restarts ?? 0) > 0;
  const previous = selection.previous && canReadPrevious;

  const request = useMemo(
    () => ({
      pod: pod?.name ?? '',
      container: containerName,
      tailLines: selection.tailLines,
      sinceSeconds: selection.sinceSeconds,
      previous,
      follow: selection.follow && !previous,
    }),
    [
      pod?.name,
      containerName,
      selection.tailLines,
      selection.sinceSeconds,
      previous,
      selection.follow,
    ],
  );
  const options = useMemo(
    () => ({ maxLines, retryDelaysMs }),
    [maxLines, retryDelaysMs],
  );
  const stream = useLogStream(source, request, options);
  const { lines } = stream.buffer;

  const [paused, setPaused] = useState(false);
  // nextId when the view paused: what came since is "new lines".
  const [pausedAtId, setPausedAtId] = useState(0);
  const [scrollTarget, setScrollTarget] = useState<{
    id: number;
    seq: number;
  }>();
  const search = useLogSearch(lines, selection.timestamps);

  useEffect(() => setPaused(false), [request]);

  const nextId = stream.buffer.nextId;
  const onPausedChange = useCallback(
    (value: boolean) => {
      setPaused(value);
      if (value) setPausedAtId(nextId);
    },
    [nextId],
  );
  const newLines = paused ? nextId - pausedAtId : 0;

  const onChange = useCallback(
    (change: Partial<LogSelection>) =>
      setSelection(current => {
        const next = { ...current, ...change };
        if (change.pod !== undefined) {
          const nextPod = pods.find(p => p.name === change.pod);
          if (!nextPod?.containers.some(c => c.name === next.container)) {
            next.container = defaultContainer(nextPod);
          }
          next.previous = false;
        }
        return next;
      }),
    [pods],
  );

  const onSearchStep = useLatestCallback((direction: 1 | -1) => {
    const match = direction === 1 ? search.next() : search.previous();
    if (match) {
      onPausedChange(true);
      setScrollTarget(target => ({
        id: match.id,
        seq: (target?.seq ?? 0) + 1,
      }));
    }
  });
  const onDownload = useLatestCallback(() => {
    if (!pod) return;
    downloadLog(
      lines,
      selection.timestamps,
      logFileName(pod.name, containerName, previous),
    );
  });
  const shownSelection = useMemo(
    () => ({
      ...selection,
      pod: pod?.name ?? '',
      container: containerName,
      previous,
    }),
    [selection, pod?.name, containerName, previous],
  );
  let matchText = '';
  if (search.query) {
    matchText =
      search.activePosition !== undefined
        ? `${search.activePosition} of ${search.total}`
        : `${search.total} ${search.total === 1 ? 'match' : 'matches'}`;
  }

  if (pods.length === 0 || !pod) {
    return (
      <EmptyState
        missing="data"
        title="No pods to read logs from"
        description="The gateway has no running pods right now."
      />
    );
  }

  let body;
  if (stream.error) {
    body = (
      <RequestFailureAlert
        error={stream.error}
        onRetry={stream.reload}
        retryLabel="Retry"
        wording={LOG_FAILURES}
        fallbackTitle="Could not read the log"
      />
    );
  } else if (stream.status === 'loading' && lines.length === 0) {
    body = <Progress />;
  } else {
    body = (
      <div style={{ position: 'relative', width: '100%' }}>
        <LogLines
          lines={lines}
          firstLineId={stream.buffer.firstId}
          showTimestamps={selection.timestamps}
          wrap={selection.wrap}
          needle={search.query.toLowerCase()}
          activeMatch={search.active}
          paused={paused}
          onPausedChange={onPausedChange}
          scrollTarget={scrollTarget}
          label={`Log of ${pod.name}, container ${containerName}`}
          height={height}
        />
        {paused && request.follow && (
          <div style={{ position: 'absolute', bottom: 12, right: 24 }}>
            <Button
              size="small"
              variant="primary"
              onPress={() => setPaused(false)}
            >
              {newLines > 0
                ? `${newLines.toLocaleString('en-US')} new ${
                    newLines === 1 ? 'line' : 'lines'
                  } — resume`
                : 'Resume following'}
            </Button>
          </div>
        )}
      </div>
    );
  }

  return (
    <Flex direction="column" gap="3">
      <LogToolbar
        pods={pods}
        selection={shownSelection}
        onChange={onChange}
        canReadPrevious={canReadPrevious}
        searchQuery={search.query}
        onSearchQueryChange={search.setQuery}
        matchText={matchText}
        hasMatches={search.total > 0}
        onSearchStep={onSearchStep}
        onDownload={onDownload}
        onReload={stream.reload}
        canDownload={lines.length > 0}
      />
      <LogNotices
        notices={stream.notices}
        status={stream.status}
        droppedCount={stream.buffer.droppedCount}
        maxLines={maxLines}
        redactedLineCount={stream.buffer.redactedLineCount}
        onFollowAgain={request.follow ? stream.followAgain : undefined}
      />
      {body}
    </Flex>
  );
}

/**
 * A callback that never changes identity yet always runs the latest closure: the toolbar
 * does not re-render for every batch of lines.
 */
function useLatestCallback<A extends unknown[]>(
  callback: (...args: A) => void,
) {
  const latest = useRef(callback);
  latest.current = callback;
  return useCallback((...args: A) => latest.current(...args), []);
}
