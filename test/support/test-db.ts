import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

let current: Promise<{ database: Database; url: string }> | undefined;

/**
 * A fresh, migrated database for the calling test file (cloned from the template), dropped after the file.
 * Refuses any database whose name does not say "test".
 */
export function testDatabase(): Promise<{ database: Database; url: string }> {
  if (!current) {
    current = (async () => {
      const adminUrl = inject('adminDatabaseUrl');
      const template = inject('templateDatabase');
      const name = `relata_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
      if (!name.includes('test')) throw new Error('refusing a database whose name does not say test');
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name} template ${template}`);
      await admin.end();
      const url = withDatabase(adminUrl, name);
      const database = openDatabase(url, { max: 10 });
      afterAll(async () => {
        await database.close();
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      });
      return { database, url };
    })();
  }
  return current;
}
