import { NavLink, Stack } from '@mantine/core';
import {
  IconAddressBook,
  IconBuilding,
  IconChecklist,
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

export function NavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const can = useCan();
  return (
    <Stack gap={4}>
      {LINKS.filter(({ to }) => to !== '/settings' || can('settings', 'view')).map(({ to, key, icon: Icon, exact }) => {
        const active = exact ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
        return (
          <NavLink
            key={to}
            component={Link}
            to={to}
            label={t(key)}
            leftSection={<Icon size={18} stroke={1.6} />}
            active={active}
            onClick={onNavigate}
            data-testid={`nav-${to === '/' ? 'home' : to.slice(1)}`}
          />
        );
      })}
    </Stack>
  );
}
