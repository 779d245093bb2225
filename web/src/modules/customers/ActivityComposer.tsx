import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityType, CustomerObject } from './types';
import { ACTIVITY_TYPES } from './types';
import { useCreateRelated } from './useCreateRelated';

export function ActivityComposer({ object, id }: { object: CustomerObject; id: string }) {
  const { t } = useTranslation();
  const [type, setType] = useState<ActivityType>('call');
  const [subject, setSubject] = useState('');
  const [outcome, setOutcome] = useState('');
  const [at, setAt] = useState<string | null>(() => dayjs().format('YYYY-MM-DD HH:mm:ss'));
  const create = useCreateRelated('/activities', object, id);
  const submit = () =>
    create.mutate(
      {
        type,
        subject: subject.trim(),
        ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
        occurred_at: at ? new Date(at.replace(' ', 'T')).toISOString() : new Date().toISOString(),
      },
      { onSuccess: () => { setSubject(''); setOutcome(''); } },
    );
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <Select
          label={t('activity.type')}
          data={ACTIVITY_TYPES.map((v) => ({ value: v, label: t(`activity.types.${v}`) }))}
          value={type}
          onChange={(v) => v && setType(v as ActivityType)}
          allowDeselect={false}
        />
        <DateTimePicker label={t('activity.occurredAt')} value={at} onChange={setAt} valueFormat="YYYY-MM-DD HH:mm" />
      </SimpleGrid>
      <TextInput label={t('activity.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} data-testid="activity-subject" />
      <Textarea label={t('activity.outcome')} autosize minRows={2} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} />
      {create.error && <Text c="red" size="sm">{create.error.message}</Text>}
      <Group justify="flex-end">
        <Button disabled={!subject.trim()} loading={create.isPending} onClick={submit} data-testid="activity-save">
          {t('activity.add')}
        </Button>
      </Group>
    </Stack>
  );
}
