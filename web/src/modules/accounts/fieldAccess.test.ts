import { describe, expect, it } from 'vitest';
import { fieldAccessOf } from './fieldAccess';
import type { Session } from './types';

const permissions = (fields: Record<string, Record<string, string>>) => ({ objects: {}, fields, masks: {} }) as unknown as Session['permissions'];

describe('fieldAccessOf', () => {
  it("reads the role's rule for the field of that object, editable when the role names none", () => {
    const p = permissions({ contacts: { tags: 'hidden', owner_id: 'readonly' }, companies: { tags: 'readonly' } });
    expect(fieldAccessOf(p, 'contacts', 'tags')).toBe('hidden');
    expect(fieldAccessOf(p, 'contacts', 'owner_id')).toBe('readonly');
    expect(fieldAccessOf(p, 'companies', 'tags')).toBe('readonly');
    expect(fieldAccessOf(p, 'companies', 'owner_id')).toBe('editable');
    expect(fieldAccessOf(p, 'contacts', 'company_id')).toBe('editable');
    expect(fieldAccessOf(permissions({}), 'contacts', 'tags')).toBe('editable');
  });
});
