import { Alert, Button, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../platform/api';

export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Stack p="md" maw={640}>
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title={notFound ? t('common.notFound') : t('common.errorTitle')}>
        {error instanceof Error ? error.message : String(error)}
      </Alert>
      <Button variant="light" onClick={reset} w="fit-content">
        {t('common.retry')}
      </Button>
    </Stack>
  );
}
