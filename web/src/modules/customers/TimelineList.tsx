import { Button, Center, Loader, Text, Timeline } from '@mantine/core';
import { useIntersection } from '@mantine/hooks';
import { IconCalendarEvent, IconChecklist, IconHistory, IconNote, IconShoppingCart } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { TimelineEntry } from './TimelineEntry';
import type { CustomerObject, TimelineItem } from './types';

const ICONS = new Map<string, typeof IconNote>([
  ['note', IconNote],
  ['activity', IconCalendarEvent],
  ['order', IconShoppingCart],
  ['task', IconChecklist],
  ['audit', IconHistory],
]);

export const timelineKey = (object: CustomerObject, id: string) => ['timeline', object, id] as const;

/** Newest first; the next page loads when the end of the list scrolls into view. */
export function TimelineList({ object, id }: { object: CustomerObject; id: string }) {
  const { t } = useTranslation();
  const timeline = useInfiniteQuery({
    queryKey: timelineKey(object, id),
    queryFn: ({ pageParam, signal }) =>
      api.get<{ data: TimelineItem[]; next_cursor: string | null }>(`/${object}/${id}/timeline`, { limit: 20, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const { ref, entry } = useIntersection({ threshold: 0.1 });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = timeline;
  useEffect(() => {
    if (entry?.isIntersecting && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [entry?.isIntersecting, hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (timeline.isPending) {
    return (
      <Center p="md">
        <Loader size="sm" />
      </Center>
    );
  }
  if (timeline.isError) return <Text c="red">{timeline.error.message}</Text>;
  const items = timeline.data.pages.flatMap((p) => p.data);
  if (items.length === 0) return <Text c="dimmed" size="sm">{t('timeline.empty')}</Text>;

  return (
    <>
      <Timeline bulletSize={26} lineWidth={2} data-testid="timeline">
        {items.map((item) => {
          // later server modules add kinds; they get the generic icon
          const Icon = ICONS.get(item.kind) ?? IconHistory;
          return (
            <Timeline.Item key={`${item.kind}-${item.id}`} bullet={<Icon size={14} />}>
              <TimelineEntry item={item} />
            </Timeline.Item>
          );
        })}
      </Timeline>
      <div ref={ref} />
      {hasNextPage && (
        <Center mt="sm">
          <Button variant="subtle" size="xs" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {t('list.loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}
