import { Alert, Button, Flex, Text } from '@backstage/ui';
import { ReactNode } from 'react';
import { requestFailureOf } from './requestFailure';

/** How a view words one kind of failure. */
export type FailureWording = {
  status: 'info' | 'warning' | 'danger';
  title: string;
  advice?: ReactNode;
  /** Offer the retry: only where trying again can help (not for a missing permission). */
  retry?: boolean;
};

/** A view's wording of the failures it expects, by status code. */
export type FailureWordings = Partial<Record<number, FailureWording>>;

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
  retryLabel = 'Try again',
}: {
  status: FailureWording['status'];
  title: string;
  message: string;
  advice?: ReactNode;
  onRetry?: () => void;
  retryLabel?: string;
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
            {retryLabel}
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

/** The wording a view gives `statusCode`; a 503 is the cluster unless the view says otherwise. */
function wordingFor(
  statusCode: number | undefined,
  wording: FailureWordings,
  fallbackTitle: string,
): FailureWording {
  const chosen = statusCode !== undefined ? wording[statusCode] : undefined;
  if (chosen) return chosen;
  if (statusCode === 503) return UNREACHABLE;
  return {
    status: 'danger',
    // The code tells an administrator which failure this was; the message says the rest.
    title:
      statusCode === undefined
        ? fallbackTitle
        : `${fallbackTitle} (${statusCode})`,
    retry: true,
  };
}

/**
 * A failed backend call, worded by its status code as the view says (`wording`); a 503 is
 * the cluster, anything else unlisted is `fallbackTitle` with its status code.
 */
export function RequestFailureAlert({
  error,
  onRetry,
  retryLabel,
  wording,
  fallbackTitle,
}: {
  error: Error;
  onRetry?: () => void;
  retryLabel?: string;
  wording: FailureWordings;
  fallbackTitle: string;
}) {
  const { statusCode, message } = requestFailureOf(error);
  const chosen = wordingFor(statusCode, wording, fallbackTitle);
  return (
    <FailureAlert
      status={chosen.status}
      title={chosen.title}
      message={message}
      advice={chosen.advice}
      onRetry={chosen.retry ? onRetry : undefined}
      retryLabel={retryLabel}
    />
  );
}
