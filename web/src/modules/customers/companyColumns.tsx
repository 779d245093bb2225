import { AnchorLink } from '../../platform/AnchorLink';
import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { formatDate, formatNumber } from '../../platform/format';
import { AttributeValueText } from './AttributeValueText';
import { customFieldLabel } from './customFieldLabel';
import { recordName } from './recordName';
import type { CustomerTableFeatures } from './customerTableFeatures';
import { TagBadges } from './TagBadges';
import type { Company, CustomField } from './types';
import type { Session } from '../accounts/types';
import { fieldSortable } from './nameSortable';

const helper = createColumnHelper<CustomerTableFeatures, Company>();

/**
 * Every column the list can show; headers are plain strings (rebuilt when the language changes) so the
 * column picker can name them. Which are visible is the list's choice (useColumnVisibility).
 */
export function companyColumns(t: TFunction, language: string, customFields: CustomField[], permissions: Session['permissions']) {
  return helper.columns([
    helper.accessor('name', {
      header: t('company.field.name'),
      enableSorting: fieldSortable(permissions, 'companies', 'name'),
      cell: (info) => (
        <AnchorLink to="/companies/$id" params={{ id: info.row.original.id }} size="sm" fw={500} data-testid="company-link">
          {recordName(t, 'companies', info.getValue())}
        </AnchorLink>
      ),
    }),
    helper.accessor('domain', { header: t('company.field.domain'), enableSorting: false, cell: (info) => info.getValue() ?? '' }),
    helper.accessor('industry', { header: t('company.field.industry'), enableSorting: false, cell: (info) => info.getValue() ?? '' }),
    helper.accessor('city', { header: t('company.field.city'), enableSorting: fieldSortable(permissions, 'companies', 'city'), cell: (info) => info.getValue() ?? '' }),
    helper.accessor('contact_count', {
      header: t('company.field.contact_count'),
      enableSorting: false,
      cell: (info) => {
        const count = info.getValue();
        return typeof count === 'number' ? formatNumber(count, language) : '';
      },
    }),
    helper.accessor('owner_name', { header: t('company.field.owner'), enableSorting: false, cell: (info) => info.getValue() ?? '' }),
    helper.accessor('tags', { header: t('company.field.tags'), enableSorting: false, cell: (info) => <TagBadges tags={info.getValue() ?? []} /> }),
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
