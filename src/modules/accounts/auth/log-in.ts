import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { randomToken, sha256, SESSION_DAYS } from './tokens.ts';

const WINDOW_MINUTES = 15;
// A constant hash to verify against when the email is unknown, so response time does not reveal which emails exist.
// Made on the first sign-in, not at import: every CLI command imports this module.
let dummyHash: Promise<string> | undefined;
const DUMMY_HASH = () => (dummyHash ??= hashPassword('not-a-real-password-' + randomToken(8)));

export type LoginResult = { token: string; csrfToken: string; userId: string; workspaceId: string };

/**
 * Email + password sign-in. Failed attempts are counted per email and per IP in the database (so the
 * limit holds across API processes); past the limit the caller gets 429 until the window passes.
 */
export async function logIn(db: Db, input: { email: string; password: string; ip: string; maxAttempts: number }): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const { rows: counts } = await sql<{ by_email: string; by_ip: string }>`
    select count(*) filter (where email = ${email})::text as by_email, count(*) filter (where ip = ${input.ip})::text as by_ip
    from login_attempts where not succeeded and at > now() - make_interval(mins => ${WINDOW_MINUTES})
      and (email = ${email} or ip = ${input.ip})`.execute(db);
  const c = counts[0];
  if (c && (Number(c.by_email) >= input.maxAttempts || Number(c.by_ip) >= input.maxAttempts * 5)) {
    throw new AppError('RATE_LIMITED', `Too many failed sign-in attempts; try again in ${WINDOW_MINUTES} minutes`);
  }
  const { rows } = await sql<{ id: string; workspace_id: string; password_hash: string | null; active: boolean }>`
    select id::text, workspace_id::text, password_hash, active from users where email = ${email}`.execute(db);
  const user = rows[0];
  const ok = await verifyPassword(user?.password_hash ?? (await DUMMY_HASH()), input.password);
  await sql`insert into login_attempts (email, ip, succeeded) values (${email}, ${input.ip}, ${ok && !!user})`.execute(db);
  if (!user || !ok) throw new AppError('AUTH_INVALID_CREDENTIALS', 'Wrong email or password');
  if (!user.active) throw new AppError('AUTH_USER_INACTIVE', 'This user has been deactivated');
  const token = randomToken();
  const csrfToken = randomToken(24);
  await sql`insert into sessions (token_hash, workspace_id, user_id, csrf_token, expires_at)
            values (${sha256(token)}, ${user.workspace_id}, ${user.id}, ${csrfToken}, now() + make_interval(days => ${SESSION_DAYS}))`.execute(db);
  return { token, csrfToken, userId: user.id, workspaceId: user.workspace_id };
}

export async function logOut(db: Db, token: string): Promise<void> {
  await sql`delete from sessions where token_hash = ${sha256(token)}`.execute(db);
}
