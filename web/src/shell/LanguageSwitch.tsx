import { ActionIcon, Menu } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

/** Language names are shown in their own language, so they are not translated. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" size="lg" aria-label={t('shell.language')} data-testid="language-switch">
          <IconLanguage size={20} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          data-testid="language-zh-CN"
          fw={i18n.language === 'zh-CN' ? 700 : undefined}
          onClick={() => setLanguage('zh-CN')}
        >
          中文
        </Menu.Item>
        <Menu.Item data-testid="language-en" fw={i18n.language === 'en' ? 700 : undefined} onClick={() => setLanguage('en')}>
          English
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
