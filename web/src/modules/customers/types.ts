import type { ApiListItem, ApiResponse } from '../../platform/apiTypes';

export type AttributeValue = string | number | boolean | string[] | null;

export const LIFECYCLE_STAGES = ['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer', 'evangelist', 'other'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export const VALUE_TIERS = ['vip', 'gold', 'silver', 'regular'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];
export const GENDERS = ['male', 'female', 'other', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

export type Contact = ApiResponse<'/api/v1/contacts/{id}', 'get'>;

export type Company = ApiResponse<'/api/v1/companies/{id}', 'get'>;

/** The two customer record kinds, named as in the API paths. */
export type CustomerObject = 'contacts' | 'companies';

export const CUSTOM_FIELD_TYPES = ['text', 'long_text', 'number', 'money', 'date', 'boolean', 'select', 'multi_select'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export type CustomField = ApiListItem<'/api/v1/custom-fields'>;

export type Task = ApiResponse<'/api/v1/tasks/{id}', 'get'>;

export const ACTIVITY_TYPES = ['call', 'meeting', 'email', 'visit', 'chat'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export type Product = ApiListItem<'/api/v1/products'>;

export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'completed', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Timeline entries; dashboard items also carry the record they belong to. */
export type TimelineItem = ApiListItem<'/api/v1/contacts/{id}/timeline'> & { contact_id?: string | null; company_id?: string | null };

export type AuditEntry = ApiListItem<'/api/v1/contacts/{id}/history'>;

export type Collaborator = ApiListItem<'/api/v1/contacts/{id}/collaborators'>;

export type SavedView = ApiListItem<'/api/v1/saved-views'>;

export type SearchHit = ApiListItem<'/api/v1/search'>;

export type CreateWarning = NonNullable<ApiResponse<'/api/v1/contacts', 'post', 201>['warnings']>[number];
export type TrashItem = ApiListItem<'/api/v1/trash'>;
