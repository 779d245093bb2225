import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../platform/AnchorLink';
import { formatDateTime, formatMoney } from '../../platform/format';
import { MentionText } from './MentionText';
import { timelineSummary } from './timelineSummary';
import type { TimelineItem } from './types';

function str(payload: Record<string, unknown>, key: string): string | null {
  const value = payload[key];
  return typeof value === 'string' ? value : null;
}

/** Body of one timeline item; the bullet icon is chosen by the list. */
export function TimelineEntry({ item, withRecordLink = false }: { item: TimelineItem; withRecordLink?: boolean }) {
  const { t, i18n } = useTranslation();
  const body = item.kind === 'note' ? str(item.payload, 'body') : null;
  const total = item.payload['total_minor'];
  const currency = str(item.payload, 'currency');
  return (
    <div data-testid={`timeline-${item.kind}`}>
      <Group gap={6} wrap="wrap">
        <Text size="xs" c="dimmed">
          {t(`timeline.kind.${item.kind}`, { defaultValue: item.kind })} · {formatDateTime(item.occurred_at, i18n.language)}
          {item.actor_name ? ` · ${item.actor_name}` : ''}
        </Text>
        {withRecordLink && item.contact_id && (
          <AnchorLink size="xs" to="/contacts/$id" params={{ id: item.contact_id }}>
            {t('task.openContact')}
          </AnchorLink>
        )}
        {withRecordLink && !item.contact_id && item.company_id && (
          <AnchorLink size="xs" to="/companies/$id" params={{ id: item.company_id }}>
            {t('task.openCompany')}
          </AnchorLink>
        )}
      </Group>
      {body ? <MentionText body={body} /> : <Text size="sm" style={{ wordBreak: 'break-word' }}>{timelineSummary(item, t, i18n.language)}</Text>}
      {item.kind === 'order' && typeof total === 'number' && currency && (
        <Text size="sm" fw={600}>
          {formatMoney(total, currency, i18n.language)}
        </Text>
      )}
    </div>
  );
}
