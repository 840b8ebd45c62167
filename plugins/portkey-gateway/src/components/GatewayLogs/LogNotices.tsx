import { memo } from 'react';
import { Alert, Button, Flex, Text } from '@backstage/ui';
import type { LogNotice, LogStreamStatus } from '../../hooks/useLogStream';

const NOTICE_TITLES: Record<LogNotice['kind'], string> = {
  limit: 'The portal stopped this stream at its size limit',
  error: 'The log stream from Kubernetes broke off',
  end: 'The log stream ended',
  note: 'Note from the portal',
  'gave-up': 'Following stopped',
};

export type LogNoticesProps = {
  notices: LogNotice[];
  status: LogStreamStatus;
  droppedCount: number;
  maxLines: number;
  redactedLineCount: number;
  /** Offered when a followed stream is over. */
  onFollowAgain?: () => void;
};

/** What is said about the log rather than being part of it. */
export const LogNotices = memo((props: LogNoticesProps) => {
  const {
    notices,
    status,
    droppedCount,
    maxLines,
    redactedLineCount,
    onFollowAgain,
  } = props;
  const streamOver = status === 'done' || status === 'failed';
  const followAgain =
    onFollowAgain && streamOver ? (
      <Button size="small" variant="secondary" onPress={onFollowAgain}>
        Follow again
      </Button>
    ) : undefined;
  return (
    <Flex direction="column" gap="2">
      {status === 'reconnecting' && (
        <Alert
          status="info"
          isPending
          title="The log stream broke off: resuming after the last line shown…"
        />
      )}
      {notices.map((notice, index) => (
        <Alert
          key={notice.id}
          status={
            notice.kind === 'note' || notice.kind === 'end' ? 'info' : 'warning'
          }
          icon
          title={NOTICE_TITLES[notice.kind]}
          description={notice.message}
          customActions={
            notice.kind !== 'note' && index === notices.length - 1
              ? followAgain
              : undefined
          }
        />
      ))}
      {droppedCount > 0 && (
        <Alert
          status="info"
          icon
          title={`Only the newest ${maxLines.toLocaleString(
            'en-US',
          )} lines are kept: ${droppedCount.toLocaleString('en-US')} older ${
            droppedCount === 1 ? 'line was' : 'lines were'
          } dropped.`}
        />
      )}
      {redactedLineCount > 0 && (
        <Text variant="body-small" color="secondary">
          {redactedLineCount.toLocaleString('en-US')}{' '}
          {redactedLineCount === 1 ? 'line contains' : 'lines contain'}{' '}
          [REDACTED]: secret-looking values are replaced with [REDACTED] by the
          portal.
        </Text>
      )}
    </Flex>
  );
});
