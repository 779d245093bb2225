import { Badge } from '@mantine/core';
import { AnchorLink } from '../../platform/AnchorLink';
import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { Session } from '../accounts/types';
import { formatDate } from '../../platform/format';
import { AttributeValueText } from './AttributeValueText';
import { customFieldLabel } from './customFieldLabel';
import { recordName } from './recordName';
import type { CustomerTableFeatures } from './customerTableFeatures';
import { fieldSortable } from './nameSortable';
import { TagBadges } from './TagBadges';
import type { Contact, CustomField } from './types';

const helper = createColumnHelper<CustomerTableFeatures, Contact>();

/**
 * Every column the list can show; headers are plain strings (rebuilt when the language changes) so the
 * column picker can name them. Which are visible is the list's choice (useColumnVisibility). A column is
 * sortable only when the reader's role neither hides nor masks its field (the name: nor a part of it).
 */
export function contactColumns(t: TFunction, language: string, customFields: CustomField[], permissions: Session['permissions']) {
  return helper.columns([
    helper.accessor('display_name', {
      header: t('contact.field.name'),
      enableSorting: fieldSortable(permissions, 'contacts', 'display_name'),
      cell: (info) => (
        <AnchorLink to="/contacts/$id" params={{ id: info.row.original.id }} size="sm" fw={500} data-testid="contact-link">
          {recordName(t, 'contacts', info.getValue())}
        </AnchorLink>
      ),
    }),
    helper.accessor('email', { header: t('contact.field.email'), enableSorting: false, cell: (info) => info.getValue() ?? '' }),
    helper.accessor('phone', { header: t('contact.field.phone'), enableSorting: false, cell: (info) => info.getValue() ?? '' }),
    helper.accessor('company_name', {
      header: t('contact.field.company'),
      enableSorting: false,
      cell: (info) => {
        const companyId = info.row.original.company_id;
        const name = info.getValue();
        return companyId && name ? (
          <AnchorLink to="/companies/$id" params={{ id: companyId }} size="sm">
            {name}
          </AnchorLink>
        ) : (
          (name ?? '')
        );
      },
    }),
    helper.accessor('lifecycle_stage', {
      header: t('contact.field.lifecycle_stage'),
      enableSorting: false,
      cell: (info) => {
        const stage = info.getValue();
        return stage ? <Badge variant="light">{t(`lifecycle.${stage}`)}</Badge> : '';
      },
    }),
    helper.accessor('value_tier', {
      header: t('contact.field.value_tier'),
      enableSorting: false,
      cell: (info) => {
        const tier = info.getValue();
        return tier ? <Badge variant="outline" color={tier === 'vip' ? 'orange' : 'gray'}>{t(`tier.${tier}`)}</Badge> : '';
      },
    }),
    helper.accessor('city', { header: t('contact.field.city'), enableSorting: fieldSortable(permissions, 'contacts', 'city'), cell: (info) => info.getValue() ?? '' }),
    helper.accessor('owner_name', { header: t('contact.field.owner'), enableSorting: false, cell: (info) => info.getValue() ?? '' }),
    helper.accessor('tags', { header: t('contact.field.tags'), enableSorting: false, cell: (info) => <TagBadges tags={info.getValue() ?? []} /> }),
    ...customFields.map((field) =>
      helper.accessor((row) => row.attributes?.[field.key] ?? null, {
        id: `attributes.${field.key}`,
        header: customFieldLabel(field, language),
        enableSorting: false,
        cell: (info) => <AttributeValueText field={field} value={info.getValue()} />,
      }),
    ),
    helper.accessor('updated_at', { header: t('common.updatedAt'), cell: (info) => formatDate(info.getValue(), language) }),
  ]);
}
