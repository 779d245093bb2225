import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiRequest, setCsrfToken } from '../../platform/api';
import { fetchSession, sessionQueryKey } from './useSession';
import type { LoginResponse } from './types';

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await apiRequest<LoginResponse>('/auth/login', {
        method: 'POST',
        body: { email: email.trim(), password },
        allowUnauthorized: true,
      });
      setCsrfToken(result.csrf_token);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, await fetchSession());
      onSignedIn();
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) setError(err.message || t('auth.tooManyAttempts'));
      else if (err instanceof ApiError && err.status === 401) setError(err.message || t('auth.invalidCredentials'));
      else setError(err instanceof Error ? err.message : t('common.errorTitle'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        {error && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} data-testid="login-error">
            {error}
          </Alert>
        )}
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          data-testid="login-email"
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          data-testid="login-password"
        />
        <Button type="submit" loading={busy} data-testid="login-submit">
          {t('auth.signIn')}
        </Button>
      </Stack>
    </form>
  );
}
