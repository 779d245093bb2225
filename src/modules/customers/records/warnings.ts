/** A non-blocking remark on a successful write (the record was saved). */
export type Warning = { code: 'DUPLICATE_SUSPECTED'; message: string; details: { record_id: string; reasons: string[]; owner_name: string | null } };
