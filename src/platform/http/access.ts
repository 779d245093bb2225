import type { FastifyRequest } from 'fastify';

/** What a route says about who may call it. Every /api route must declare one (enforced at registration). */
export type RouteAccess =
  | { public: true }
  | { authenticated: true } // any signed-in user (own profile, notifications)
  | { object: string; action: Action };

export const ACTIONS = ['view', 'create', 'edit', 'delete', 'import', 'export', 'bulk'] as const;
export type Action = (typeof ACTIONS)[number];

export const DATA_SCOPES = ['own', 'subordinates', 'department', 'department_tree', 'all'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

export type FieldAccess = 'hidden' | 'readonly' | 'editable';
export type MaskMode = 'list' | 'everywhere';
/**
 * A role's masking rule for one field: a mode, or `none` — not masked. `none` matters for a custom field
 * flagged sensitive, which is otherwise masked as the role masks phone (attributeAccess).
 */
export type MaskRule = MaskMode | 'none';

export type Permissions = {
  objects: Record<string, { actions: Action[]; scope: DataScope }>;
  fields: Record<string, Record<string, FieldAccess>>;
  masks: Record<string, Record<string, MaskRule>>;
};

export type Principal = {
  workspaceId: string;
  userId: string;
  roleId: string;
  roleKey: string;
  departmentId: string | null;
  permissions: Permissions;
  via: 'session' | 'api_key';
  /** API keys may be narrowed to scopes such as "contacts:read"; empty = the user's full permissions */
  scopes: string[];
  csrfToken: string | null;
  /**
   * The users whose records the narrower data scopes cover, computed in the same statement that
   * authenticates the request (so a scoped read costs no extra round trip). Present only for the
   * scopes the role uses; absent means "compute on demand".
   */
  ownerSets?: OwnerSets;
  /**
   * The workspace's custom-field definitions version, read by the same statement; read paths reuse the
   * definitions cached for it (fields/field-definitions.ts). Absent: load them.
   */
  fieldsVersion?: string;
};

export type OwnerSets = Partial<Record<'subordinates' | 'department' | 'department_tree', string[]>>;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** The principal of an authenticated route; the guard has already refused anonymous callers. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('principalOf called on an unauthenticated request');
  return request.principal;
}

export function can(principal: Principal, object: string, action: Action): boolean {
  const grant = principal.permissions.objects[object];
  if (!grant || !grant.actions.includes(action)) return false;
  if (principal.via === 'api_key' && principal.scopes.length > 0) {
    const needed = action === 'view' || action === 'export' ? 'read' : 'write';
    return principal.scopes.includes(`${object}:${needed}`) || principal.scopes.includes(`${object}:write`) || principal.scopes.includes('*');
  }
  return true;
}
