import { Alert, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../platform/AnchorLink';
import type { CreateWarning } from './types';

/** 查重: the record was saved, but the server found a likely duplicate (and who owns it). */
export function DuplicateWarnings({ warnings, object = 'contacts' }: { warnings: CreateWarning[]; object?: 'contacts' | 'companies' }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="duplicate-warnings">
      {warnings.map((warning, index) => {
        const recordId = warning.details?.record_id;
        return (
          <Alert key={index} color="yellow" icon={<IconCopy size={18} />} title={t('contact.duplicateSuspected')}>
            <Text size="sm">{warning.message}</Text>
            {(warning.details?.reasons ?? []).length > 0 && (
              <Text size="xs" c="dimmed">
                {t('contact.duplicateReasons', { reasons: warning.details?.reasons.join(', ') })}
              </Text>
            )}
            {warning.details?.owner_name && (
              <Text size="xs" c="dimmed">
                {t('contact.field.owner')}: {warning.details.owner_name}
              </Text>
            )}
            {recordId && (
              <AnchorLink size="sm" to={object === 'contacts' ? '/contacts/$id' : '/companies/$id'} params={{ id: recordId }}>
                {t('contact.openExisting')}
              </AnchorLink>
            )}
          </Alert>
        );
      })}
    </Stack>
  );
}
