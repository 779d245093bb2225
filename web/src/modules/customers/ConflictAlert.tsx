import { Alert, Button, Group, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function ConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" data-testid="version-conflict">
      <Group justify="space-between" gap="xs">
        <Text size="sm">{t('record.conflict')}</Text>
        <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} onClick={onReload}>
          {t('record.reload')}
        </Button>
      </Group>
    </Alert>
  );
}
