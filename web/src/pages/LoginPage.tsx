import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useRouter, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoginForm } from '../modules/accounts/LoginForm';
import { LanguageSwitch } from '../shell/LanguageSwitch';

/** Only same-app paths are accepted, so a crafted link cannot bounce the user off-site after sign-in. */
function safeRedirect(target: string | undefined): string {
  return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const router = useRouter();
  const search = useSearch({ strict: false });
  const redirect = typeof search.redirect === 'string' ? search.redirect : undefined;

  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <Stack>
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} c="teal.7">
                Relata
              </Title>
              <Text c="dimmed" size="sm">
                {t('auth.tagline')}
              </Text>
            </div>
            <LanguageSwitch />
          </Group>
          <Title order={4}>{t('auth.signInTitle')}</Title>
          <LoginForm onSignedIn={() => router.history.push(safeRedirect(redirect))} />
        </Stack>
      </Paper>
    </Center>
  );
}
