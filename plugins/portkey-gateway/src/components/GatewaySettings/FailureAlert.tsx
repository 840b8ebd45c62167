import { Alert, Button, Flex, Text } from '@backstage/ui';
import { ReactNode } from 'react';

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
  status: 'info' | 'warning' | 'danger';
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
