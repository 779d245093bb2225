import type { ApiListItem, ApiResponse } from '../../platform/apiTypes';

export type User = ApiResponse<'/api/v1/users/{id}', 'get'>;
export type Workspace = ApiResponse<'/api/v1/workspace', 'get'>;

export const OBJECTS = ['contacts', 'companies', 'orders', 'products', 'tasks', 'notes', 'activities', 'settings'] as const;
export type ObjectName = (typeof OBJECTS)[number];

export const ACTIONS = ['view', 'create', 'edit', 'delete', 'import', 'export', 'bulk'] as const;
export type Action = (typeof ACTIONS)[number];

export const SCOPES = ['own', 'subordinates', 'department', 'department_tree', 'all'] as const;
export type DataScope = (typeof SCOPES)[number];

export type FieldAccess = 'hidden' | 'readonly' | 'editable';
export type MaskMode = 'list' | 'everywhere';
/** `none`: not masked — for a sensitive custom field, which the server otherwise masks like phone. */
export type MaskRule = MaskMode | 'none';

export interface ObjectPermission {
  actions: Action[];
  scope: DataScope;
}

/** A role's permissions as the role editor edits them (see editablePermissions). */
export interface Permissions {
  objects: Partial<Record<ObjectName, ObjectPermission>>;
  fields?: Partial<Record<string, Record<string, FieldAccess>>>;
  masks?: Partial<Record<string, Record<string, MaskRule>>>;
}

export type Session = ApiResponse<'/api/v1/auth/me', 'get'>;
export type LoginResponse = ApiResponse<'/api/v1/auth/login', 'post'>;
export type Department = ApiListItem<'/api/v1/departments'>;
export type Role = ApiListItem<'/api/v1/roles'>;
export type ApiKey = ApiListItem<'/api/v1/api-keys'>;
export type Notification = ApiListItem<'/api/v1/notifications'>;
