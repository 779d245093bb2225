import { Alert, Badge, Button, Card, Code, CopyButton, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { formatDateTime } from '../../platform/format';
import { rowsOf } from '../../platform/listTypes';
import type { ApiKey } from './types';

const apiKeysKey = ['api-keys'] as const;

export function ApiKeysAdmin() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const keys = useQuery({ queryKey: apiKeysKey, queryFn: async () => rowsOf(await api.get<ApiKey[] | { data: ApiKey[] }>('/api-keys')) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: apiKeysKey });
  const create = useMutation({
    mutationFn: () => api.post<ApiKey & { key: string }>('/api-keys', { name: name.trim() }),
    onSuccess: async (created) => {
      setSecret(created.key);
      setName('');
      await refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => api.delete(`/api-keys/${id}`), onSuccess: refresh });
  const close = () => {
    setCreating(false);
    setSecret(null);
    create.reset();
  };

  return (
    <Card withBorder padding={0}>
      <Group justify="flex-end" p="sm">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="apikey-create">
          {t('settings.apiKeys.create')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.apiKeys.name')}</Table.Th>
              <Table.Th>{t('settings.apiKeys.prefix')}</Table.Th>
              <Table.Th>{t('common.createdAt')}</Table.Th>
              <Table.Th>{t('settings.apiKeys.lastUsed')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(keys.data ?? []).map((key) => (
              <Table.Tr key={key.id} data-testid="apikey-row">
                <Table.Td>{key.name}</Table.Td>
                <Table.Td><Code>{key.prefix}…</Code></Table.Td>
                <Table.Td>{formatDateTime(key.created_at, i18n.language)}</Table.Td>
                <Table.Td>{key.last_used_at ? formatDateTime(key.last_used_at, i18n.language) : t('settings.apiKeys.never')}</Table.Td>
                <Table.Td ta="right">
                  {key.revoked_at ? (
                    <Badge color="gray" variant="light">{t('settings.apiKeys.revoked')}</Badge>
                  ) : (
                    <Button size="xs" color="red" variant="light" loading={revoke.isPending && revoke.variables === key.id} onClick={() => revoke.mutate(key.id)}>
                      {t('settings.apiKeys.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {(keys.data ?? []).length === 0 && <Text c="dimmed" size="sm" p="sm">{t('settings.apiKeys.empty')}</Text>}
      <Modal opened={creating} onClose={close} title={t('settings.apiKeys.create')}>
        {secret ? (
          <Stack>
            <Alert color="yellow">{t('settings.apiKeys.showOnce')}</Alert>
            <Code block style={{ wordBreak: 'break-all' }} data-testid="apikey-secret">{secret}</Code>
            <Group justify="space-between">
              <CopyButton value={secret}>
                {({ copied, copy }) => (
                  <Button variant="light" leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button onClick={close}>{t('common.done')}</Button>
            </Group>
          </Stack>
        ) : (
          <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
            <Stack>
              <TextInput label={t('settings.apiKeys.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus />
              {create.error && <Alert color="red">{create.error.message}</Alert>}
              <Group justify="flex-end">
                <Button type="submit" disabled={!name.trim()} loading={create.isPending}>{t('common.create')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Card>
  );
}
