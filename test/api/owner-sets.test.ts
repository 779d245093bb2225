import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeAuthenticator, visibleOwnerIds } from '../../src/modules/accounts/index.ts';
import { logInAs, newDepartment, newUser, newWorkspace, testApp } from '../support/test-app.ts';

const { app, db } = await testApp();

// The owner sets computed inside the authentication statement must equal the on-demand computation.
describe('owner sets precomputed at authentication', () => {
  it('agree with the on-demand data-scope computation for every scope', async () => {
    const ws = await newWorkspace(db);
    const sales = await newDepartment(db, ws.workspaceId, '销售部', ws.departmentId);
    const east = await newDepartment(db, ws.workspaceId, '华东区', sales);
    const boss = await newUser(db, ws.workspaceId, { roleKey: 'manager', departmentId: sales });
    const lead = await newUser(db, ws.workspaceId, { roleKey: 'sales', departmentId: east, managerId: boss.id });
    await newUser(db, ws.workspaceId, { roleKey: 'sales', departmentId: east, managerId: lead.id });
    await newUser(db, ws.workspaceId, { roleKey: 'sales', departmentId: sales, managerId: boss.id });
    await newUser(db, ws.workspaceId, { roleKey: 'sales', departmentId: null });
    const authenticate = makeAuthenticator(db);
    const session = await logInAs(app, boss.email);
    const token = session.cookie.split('=')[1]!;
    for (const scope of ['own', 'subordinates', 'department', 'department_tree', 'all']) {
      await sql`update roles set permissions = jsonb_set(permissions, '{objects,contacts,scope}', to_jsonb(${scope}::text))
                where workspace_id = ${ws.workspaceId} and key = 'manager'`.execute(db);
      const principal = await authenticate({ headers: {}, cookies: { relata_session: token } } as unknown as FastifyRequest);
      expect(principal).not.toBeNull();
      const fast = await visibleOwnerIds(db, principal!, 'contacts');
      const slow = await visibleOwnerIds(db, { ...principal!, ownerSets: undefined }, 'contacts');
      expect(fast === null ? null : [...fast].sort()).toEqual(slow === null ? null : [...slow].sort());
      if (scope === 'subordinates') expect(fast).toHaveLength(4);
      if (scope === 'department_tree') expect(fast).toHaveLength(4);
    }
  });
});
