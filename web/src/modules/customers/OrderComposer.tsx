import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../platform/format';
import { useSession } from '../accounts/useSession';
import type { CustomerObject, OrderStatus } from './types';
import { ORDER_STATUSES } from './types';
import { useCreateRelated } from './useCreateRelated';
import { useProducts } from './useProducts';

interface Line {
  key: number;
  product_id: string | null;
  quantity: number;
}

let lineKey = 0;
const newLine = (): Line => ({ key: ++lineKey, product_id: null, quantity: 1 });

export function OrderComposer({ object, id }: { object: CustomerObject; id: string }) {
  const { t, i18n } = useTranslation();
  const { workspace } = useSession();
  const products = useProducts();
  const [lines, setLines] = useState<Line[]>(() => [newLine()]);
  const [status, setStatus] = useState<OrderStatus>('paid');
  const [channel, setChannel] = useState('');
  const create = useCreateRelated('/orders', object, id);

  const productById = new Map((products.data ?? []).map((p) => [p.id, p]));
  const priced = lines
    .map((line) => ({ line, product: line.product_id ? productById.get(line.product_id) : undefined }))
    .filter((x): x is { line: Line; product: NonNullable<typeof x.product> } => x.product !== undefined && x.line.quantity > 0);
  const currencies = new Set(priced.map((x) => x.product.currency));
  const currency = priced[0]?.product.currency ?? workspace.currency;
  // Amounts stay in integer minor units; a fractional quantity is rounded per line, as an invoice would.
  const total = priced.reduce((sum, x) => sum + Math.round(x.product.price_minor * x.line.quantity), 0);
  const mixed = currencies.size > 1;

  const setLine = (key: number, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const submit = () =>
    create.mutate(
      {
        status,
        ...(channel.trim() ? { channel: channel.trim() } : {}),
        currency,
        ordered_at: new Date().toISOString(),
        lines: priced.map(({ line, product }) => ({ product_id: product.id, quantity: line.quantity, unit_price_minor: product.price_minor })),
      },
      { onSuccess: () => setLines([newLine()]) },
    );

  const productOptions = (products.data ?? [])
    .filter((p) => p.active)
    .map((p) => ({ value: p.id, label: `${p.name} · ${formatMoney(p.price_minor, p.currency, i18n.language)}` }));

  return (
    <Stack gap="xs">
      {lines.map((line) => {
        const product = line.product_id ? productById.get(line.product_id) : undefined;
        return (
          <Group key={line.key} gap="xs" wrap="nowrap" align="flex-end" data-testid="order-line">
            <Select
              label={t('order.product')}
              data={productOptions}
              value={line.product_id}
              onChange={(v) => setLine(line.key, { product_id: v })}
              searchable
              style={{ flex: 1, minWidth: 0 }}
              data-testid="order-product"
            />
            <NumberInput
              label={t('order.quantity')}
              min={1}
              w={80}
              value={line.quantity}
              onChange={(v) => setLine(line.key, { quantity: typeof v === 'number' ? v : 0 })}
              data-testid="order-quantity"
            />
            <Text size="sm" w={90} ta="right" pb={8} visibleFrom="xs">
              {product ? formatMoney(Math.round(product.price_minor * line.quantity), product.currency, i18n.language) : '—'}
            </Text>
            <ActionIcon variant="subtle" color="gray" mb={4} aria-label={t('order.removeLine')} onClick={() => setLines((ls) => (ls.length > 1 ? ls.filter((l) => l.key !== line.key) : ls))}>
              <IconX size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      <Button variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => setLines((ls) => [...ls, newLine()])}>
        {t('order.addLine')}
      </Button>
      <Group gap="xs" grow>
        <Select
          label={t('order.status')}
          data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`order.statuses.${s}`) }))}
          value={status}
          onChange={(v) => v && setStatus(v as OrderStatus)}
          allowDeselect={false}
        />
        <TextInput label={t('order.channel')} value={channel} onChange={(e) => setChannel(e.currentTarget.value)} />
      </Group>
      {mixed && <Text c="red" size="sm">{t('order.mixedCurrencies')}</Text>}
      {create.error && <Text c="red" size="sm">{create.error.message}</Text>}
      <Group justify="space-between">
        <Text fw={600} data-testid="order-total">
          {t('order.total')}: {formatMoney(total, currency, i18n.language)}
        </Text>
        <Button disabled={priced.length === 0 || mixed} loading={create.isPending} onClick={submit} data-testid="order-save">
          {t('order.add')}
        </Button>
      </Group>
    </Stack>
  );
}
