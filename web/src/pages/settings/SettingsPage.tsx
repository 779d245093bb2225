import { Stack, Tabs, Title } from '@mantine/core';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

const SECTIONS = ['workspace', 'users', 'departments', 'roles', 'api-keys', 'custom-fields'] as const;
type Section = (typeof SECTIONS)[number];

export default function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const current = SECTIONS.find((s) => pathname.startsWith(`/settings/${s}`)) ?? 'workspace';

  return (
    <Stack gap="md">
      <Title order={2}>{t('nav.settings')}</Title>
      <Tabs value={current} onChange={(v) => v && void navigate({ to: `/settings/${v as Section}` })}>
        <Tabs.List>
          {SECTIONS.map((s) => (
            <Tabs.Tab key={s} value={s} data-testid={`settings-tab-${s}`}>
              {t(`settings.sections.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
