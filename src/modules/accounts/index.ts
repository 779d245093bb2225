import type { ModuleDeps, ModulePlugin } from '../../platform/module.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { workspaceRoutes } from './workspaces/workspace.routes.ts';
import { departmentRoutes } from './departments/departments.routes.ts';
import { userRoutes } from './users/users.routes.ts';
import { roleRoutes } from './roles/roles.routes.ts';
import { apiKeyRoutes } from './api-keys/api-keys.routes.ts';

export { makeAuthenticator } from './auth/authenticate.ts';
export { PrincipalCache } from './auth/principal-cache.ts';
export { loadPrincipal } from './auth/load-principal.ts';
export { createWorkspace, type NewWorkspace } from './workspaces/create-workspace.ts';
export { createApiKey } from './api-keys/create-api-key.ts';
export { hashPassword } from './auth/passwords.ts';
export { sharedIdsSql, visibleOwnerIds, visibilityPredicate, visibilityFor } from './visibility.ts';
export { readableField, unmaskedField, maskSql, assertFieldsWritable, assertFieldsReadable, isHidden, isMasked, fieldAccess, derivedFields, fieldRulesKey, type ReadContext, type MaskKind } from './field-policy.ts';
export { readableDisplayName, isDisplayNameHidden, type NameColumns } from './readable-display-name.ts';
export { OBJECTS, DEFAULT_ROLES } from './roles/default-roles.ts';
export { findUser, USER_COLUMNS, UserSchema, type UserJson } from './users/user-json.ts';
export { findWorkspace, type WorkspaceJson } from './workspaces/workspace-json.ts';
export { OWNED_RECORD_TYPES, handOverRecords } from './users/hand-over-records.ts';
export { createUser } from './users/create-user.ts';
export { deactivateUser, reactivateUser } from './users/set-user-active.ts';

/** Workspaces, departments, users, roles, sessions and API keys. */
export function accountsModule(deps: ModuleDeps): ModulePlugin {
  return async (app) => {
    await app.register(authRoutes(deps));
    await app.register(workspaceRoutes(deps));
    await app.register(departmentRoutes(deps));
    await app.register(userRoutes(deps));
    await app.register(roleRoutes(deps));
    await app.register(apiKeyRoutes(deps));
  };
}
