import { Alert, Button, Flex, Text } from '@backstage/ui';
import { ReactNode } from 'react';
import { requestFailureOf } from './requestFailure';

/** How a view words one kind of failure. */
export type FailureWording = {
  status: 'info' | 'warning' | 'danger';
  title: string;
  advice?: ReactNode;
  /** Offer "Try again": only where trying again can help (not for a missing permission). */
  retry?: boolean;
};

/**
 * A failed read shown in place of what it was for (never an error page): what happened, the
 * backend's message, what to do, and a retry where trying again can help.
 */
export function FailureAlert({
  status,
  title,
  message,
  advice,
  onRetry,
}: {
  status: FailureWording['status'];
  title: string;
  message: string;
  advice?: ReactNode;
  onRetry?: () => void;
}) {
  return (
    <Alert
      status={status}
      icon
      title={title}
      description={
        <Flex direction="column" gap="1">
          <Text as="p" variant="body-small">
            {message}
          </Text>
          {advice && (
            <Text as="p" variant="body-small">
              {advice}
            </Text>
          )}
        </Flex>
      }
      customActions={
        onRetry && (
          <Button size="small" variant="secondary" onPress={onRetry}>
            Try again
          </Button>
        )
      }
    />
  );
}

const UNREACHABLE: FailureWording = {
  status: 'danger',
  title: 'The cluster could not be read',
  retry: true,
};

/**
 * A failed backend call, worded by its status code as the view says (`wording`); a 503 is
 * always the cluster, anything else unlisted is `fallbackTitle`.
 */
export function RequestFailureAlert({
  error,
  onRetry,
  wording,
  fallbackTitle,
}: {
  error: Error;
  onRetry?: () => void;
  wording: Partial<Record<number, FailureWording>>;
  fallbackTitle: string;
}) {
  const { statusCode, message } = requestFailureOf(error);
  const chosen = (statusCode !== undefined && wording[statusCode]) ||
    (statusCode === 503 ? UNREACHABLE : undefined) || {
      status: 'danger',
      title: fallbackTitle,
      retry: true,
    };
  return (
    <FailureAlert
      status={chosen.status}
      title={chosen.title}
      message={message}
      advice={chosen.advice}
      onRetry={chosen.retry ? onRetry : undefined}
    />
  );
}
