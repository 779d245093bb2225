import { Divider, NavLink, Stack, Text } from '@mantine/core';
import {
  IconAddressBook,
  IconBuilding,
  IconChartBar,
  IconChecklist,
  IconCopy,
  IconFileImport,
  IconHome,
  IconSettings,
  IconTrash,
} from '@tabler/icons-react';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../modules/accounts/useSession';

const LINKS = [
  { to: '/', key: 'nav.home', icon: IconHome, exact: true },
  { to: '/contacts', key: 'nav.contacts', icon: IconAddressBook, exact: false },
  { to: '/companies', key: 'nav.companies', icon: IconBuilding, exact: false },
  { to: '/tasks', key: 'nav.tasks', icon: IconChecklist, exact: false },
  { to: '/trash', key: 'nav.trash', icon: IconTrash, exact: false },
  { to: '/settings', key: 'nav.settings', icon: IconSettings, exact: false },
] as const;

/** 数据: import, duplicate review and data quality, each shown to roles that may use it. */
const DATA_LINKS = [
  { to: '/data/import', key: 'nav.import', icon: IconFileImport, testId: 'nav-data-import' },
  { to: '/data/duplicates', key: 'nav.duplicates', icon: IconCopy, testId: 'nav-data-duplicates' },
  { to: '/data/quality', key: 'nav.dataQuality', icon: IconChartBar, testId: 'nav-data-quality' },
] as const;

export function NavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const can = useCan();
  const customers = ['contacts', 'companies'] as const;
  const dataLinks = DATA_LINKS.filter(({ to }) => {
    if (to === '/data/import') return (['contacts', 'companies', 'orders', 'products'] as const).some((o) => can(o, 'import'));
    if (to === '/data/duplicates') return customers.some((o) => can(o, 'edit'));
    return customers.some((o) => can(o, 'view'));
  });
  const link = (to: (typeof LINKS)[number]['to'] | (typeof DATA_LINKS)[number]['to'], key: string, Icon: (typeof LINKS)[number]['icon'], active: boolean, testId: string) => (
    <NavLink
      key={to}
      component={Link}
      to={to}
      label={t(key)}
      leftSection={<Icon size={18} stroke={1.6} />}
      active={active}
      onClick={onNavigate}
      data-testid={testId}
    />
  );
  const main = LINKS.filter(({ to }) => to !== '/settings' || can('settings', 'view')).map(({ to, key, icon, exact }) =>
    link(to, key, icon, exact ? pathname === to : pathname === to || pathname.startsWith(`${to}/`), `nav-${to === '/' ? 'home' : to.slice(1)}`),
  );
  // the data group sits between the daily work (home … tasks) and the housekeeping (trash, settings)
  const split = 4;
  return (
    <Stack gap={4}>
      {main.slice(0, split)}
      {dataLinks.length > 0 && (
        <Text size="xs" c="dimmed" fw={600} px="sm" pt="xs" data-testid="nav-data-group">
          {t('nav.dataGroup')}
        </Text>
      )}
      {dataLinks.map(({ to, key, icon, testId }) =>
        link(to, key, icon, pathname === to || (to === '/data/import' && pathname.startsWith('/data/imports/')), testId),
      )}
      {dataLinks.length > 0 && main.length > split && <Divider my={4} />}
      {main.slice(split)}
    </Stack>
  );
}
