import { describe, expect, it } from 'vitest';
import { client, logInAs, newUser, newWorkspace, PASSWORD, testApp } from '../support/test-app.ts';

const { app, db } = await testApp();

describe('sign-in, sessions and CSRF', () => {
  it('signs in, reads /auth/me, signs out', async () => {
    const ws = await newWorkspace(db);
    const session = await logInAs(app, ws.adminEmail);
    const api = client(app, session);
    const me = await api.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(ws.adminEmail);
    expect(me.body.workspace.id).toBe(ws.workspaceId);
    expect(me.body.permissions.objects.contacts.scope).toBe('all');
    expect((await api.post('/api/v1/auth/logout')).status).toBe(200);
    expect((await api.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('refuses a wrong password with a stable code', async () => {
    const ws = await newWorkspace(db);
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ws.adminEmail, password: 'nope-nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('rate-limits repeated failures with 429', async () => {
    const ws = await newWorkspace(db);
    for (let i = 0; i < 5; i++) {
      await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ws.adminEmail, password: 'wrong-wrong' } });
    }
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ws.adminEmail, password: PASSWORD } });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('RATE_LIMITED');
  });

  it('stores only a hash of the session token and sets an httpOnly cookie', async () => {
    const ws = await newWorkspace(db);
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ws.adminEmail, password: PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === 'relata_session');
    expect(cookie?.httpOnly).toBe(true);
    const rows = await db.selectNoFrom((eb) => eb.val(1).as('x')).execute();
    expect(rows.length).toBe(1);
    const { rows: sessions } = await (await import('kysely')).sql<{ token_hash: Buffer }>`select token_hash from sessions where user_id = ${ws.adminId}`.execute(db);
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => !s.token_hash.toString('utf8').includes(cookie!.value))).toBe(true);
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const ws = await newWorkspace(db);
    const session = await logInAs(app, ws.adminEmail);
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_MISSING');
  });

  it('refuses anonymous calls and deactivated users', async () => {
    const ws = await newWorkspace(db);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const user = await newUser(db, ws.workspaceId);
    const session = await logInAs(app, user.email);
    await (await import('kysely')).sql`update users set active = false where id = ${user.id}`.execute(db);
    expect((await client(app, session).get('/api/v1/auth/me')).status).toBe(401);
  });

  it('answers health without authentication', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});
