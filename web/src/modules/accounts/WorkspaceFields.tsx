import { Alert, Button, Card, Group, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import type { Workspace } from './types';
import { sessionQueryKey } from './useSession';

const CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'TWD', 'SGD', 'KRW', 'AUD', 'CAD', 'CHF', 'INR'];
const REGIONS = ['CN', 'HK', 'TW', 'SG', 'US', 'GB', 'DE', 'FR', 'NL', 'JP', 'KR', 'AU', 'CA', 'IN'];

function timezones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Shanghai', 'UTC', 'Europe/Amsterdam', 'America/New_York'];
  }
}

/** The editable form, seeded once from the loaded workspace. */
export function WorkspaceFields({ initial }: { initial: Workspace }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Workspace>(initial);
  const regionName = new Intl.DisplayNames([i18n.language], { type: 'region' });
  const save = useMutation({
    mutationFn: () =>
      api.patch<Workspace>('/workspace', {
        name: draft.name,
        timezone: draft.timezone,
        currency: draft.currency,
        default_region: draft.default_region,
        locale: draft.locale,
      }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('common.saved') });
      await queryClient.invalidateQueries({ queryKey: ['workspace'] });
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
  const set = <K extends keyof Workspace>(key: K, value: Workspace[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const withCurrent = (list: string[], current: string) => (list.includes(current) ? list : [current, ...list]);

  return (
    <Card withBorder maw={560}>
      <Stack>
        {save.error && <Alert color="red">{save.error.message}</Alert>}
        <TextInput label={t('settings.workspace.name')} value={draft.name} onChange={(e) => set('name', e.currentTarget.value)} data-testid="workspace-name" />
        <Select label={t('settings.workspace.timezone')} searchable data={withCurrent(timezones(), draft.timezone)} value={draft.timezone} onChange={(v) => v && set('timezone', v)} />
        <Select label={t('settings.workspace.currency')} searchable data={withCurrent(CURRENCIES, draft.currency)} value={draft.currency} onChange={(v) => v && set('currency', v)} />
        <Select
          label={t('settings.workspace.defaultRegion')}
          searchable
          data={withCurrent(REGIONS, draft.default_region).map((r) => ({ value: r, label: `${regionName.of(r) ?? r} (${r})` }))}
          value={draft.default_region}
          onChange={(v) => v && set('default_region', v)}
        />
        <Select
          label={t('settings.workspace.locale')}
          data={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
          value={draft.locale}
          onChange={(v) => v && set('locale', v)}
        />
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="workspace-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
