import { Badge, Checkbox, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../platform/AnchorLink';
import { formatDateTime } from '../../platform/format';
import type { Task } from './types';
import { useCompleteTask } from './useCompleteTask';

export function TaskRow({ task, showAssignee = false }: { task: Task; showAssignee?: boolean }) {
  const { t, i18n } = useTranslation();
  const complete = useCompleteTask();
  const overdue = !task.done && task.due_at !== null && new Date(task.due_at).getTime() < Date.now();
  const done = complete.isPending ? (complete.variables?.done ?? task.done) : task.done;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="task-row">
      <Checkbox
        mt={2}
        checked={done}
        aria-label={t('task.complete')}
        onChange={(e) => complete.mutate({ task, done: e.currentTarget.checked })}
        data-testid="task-complete"
      />
      <div style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" td={done ? 'line-through' : undefined} c={done ? 'dimmed' : undefined} style={{ wordBreak: 'break-word' }}>
          {task.title}
        </Text>
        <Group gap={6}>
          {task.due_at && (
            <Text size="xs" c={overdue ? 'red' : 'dimmed'}>
              {t('task.dueAt', { date: formatDateTime(task.due_at, i18n.language) })}
            </Text>
          )}
          {overdue && <Badge size="xs" color="red" variant="light">{t('task.overdue')}</Badge>}
          {showAssignee && task.assignee_name && <Text size="xs" c="dimmed">· {task.assignee_name}</Text>}
          {task.contact_id && (
            <AnchorLink size="xs" to="/contacts/$id" params={{ id: task.contact_id }}>
              {t('task.openContact')}
            </AnchorLink>
          )}
          {task.company_id && !task.contact_id && (
            <AnchorLink size="xs" to="/companies/$id" params={{ id: task.company_id }}>
              {t('task.openCompany')}
            </AnchorLink>
          )}
        </Group>
        {complete.error && <Text size="xs" c="red">{complete.error.message}</Text>}
      </div>
    </Group>
  );
}
