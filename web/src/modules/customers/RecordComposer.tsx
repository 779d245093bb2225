import { Card, SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityComposer } from './ActivityComposer';
import { NoteComposer } from './NoteComposer';
import { OrderComposer } from './OrderComposer';
import { TaskComposer } from './TaskComposer';
import type { CustomerObject } from './types';

type Mode = 'note' | 'task' | 'activity' | 'order';

export function RecordComposer({ object, id }: { object: CustomerObject; id: string }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('note');
  return (
    <Card withBorder padding="sm">
      <Stack gap="sm">
        <SegmentedControl
          fullWidth
          size="xs"
          value={mode}
          onChange={(v) => setMode(v as Mode)}
          data={[
            { value: 'note', label: t('composer.note') },
            { value: 'task', label: t('composer.task') },
            { value: 'activity', label: t('composer.activity') },
            { value: 'order', label: t('composer.order') },
          ]}
          data-testid="composer-mode"
        />
        {mode === 'note' && <NoteComposer object={object} id={id} />}
        {mode === 'task' && <TaskComposer object={object} id={id} />}
        {mode === 'activity' && <ActivityComposer object={object} id={id} />}
        {mode === 'order' && <OrderComposer object={object} id={id} />}
      </Stack>
    </Card>
  );
}
