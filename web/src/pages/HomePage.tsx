import { Card, Center, Grid, Loader, Stack, Text, Timeline, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { CountCards } from '../modules/analytics/CountCards';
import { useDashboard } from '../modules/analytics/useDashboard';
import { useSession } from '../modules/accounts/useSession';
import { TaskRow } from '../modules/customers/TaskRow';
import { TimelineEntry } from '../modules/customers/TimelineEntry';

// ECharts is most of this page's weight: load it after the numbers and task list are on screen.
const RevenueChart = lazy(() => import('../modules/analytics/RevenueChart').then((m) => ({ default: m.RevenueChart })));

export default function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const dashboard = useDashboard();

  return (
    <Stack gap="md">
      <Title order={2} data-testid="home-title">
        {t('dashboard.greeting', { name: user.name })}
      </Title>
      {dashboard.isPending ? (
        <Center p="xl"><Loader /></Center>
      ) : dashboard.isError ? (
        <Text c="red">{dashboard.error.message}</Text>
      ) : (
        <>
          <CountCards counts={dashboard.data.counts} capped={dashboard.data.counts_capped} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Card withBorder padding="md">
                <Title order={4} mb="sm">{t('dashboard.revenue')}</Title>
                <Suspense fallback={<Center h={260}><Loader size="sm" /></Center>}>
                  <RevenueChart data={dashboard.data.revenue_by_month} currency={dashboard.data.currency} />
                </Suspense>
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Card withBorder padding="md" data-testid="my-tasks">
                <Title order={4} mb="sm">{t('dashboard.myTasks')}</Title>
                <Stack gap="sm">
                  {dashboard.data.my_tasks.length === 0 && <Text c="dimmed" size="sm">{t('dashboard.noTasks')}</Text>}
                  {dashboard.data.my_tasks.map((task) => <TaskRow key={task.id} task={task} />)}
                </Stack>
              </Card>
            </Grid.Col>
            <Grid.Col span={12}>
              <Card withBorder padding="md" data-testid="recent-activity">
                <Title order={4} mb="sm">{t('dashboard.recentActivity')}</Title>
                {dashboard.data.recent_activity.length === 0 && <Text c="dimmed" size="sm">{t('timeline.empty')}</Text>}
                <Timeline bulletSize={12} lineWidth={2}>
                  {dashboard.data.recent_activity.map((item) => (
                    <Timeline.Item key={`${item.kind}-${item.id}`}>
                      <TimelineEntry item={item} withRecordLink />
                    </Timeline.Item>
                  ))}
                </Timeline>
              </Card>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
