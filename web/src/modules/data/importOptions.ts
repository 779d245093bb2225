import type { ImportMode } from './types';

/** The import's settings besides the mapping, as the options form edits them. */
export interface ImportOptions {
  mode: ImportMode;
  /** null: the server picks the first mapped match key */
  match: string | null;
  /** custom field keys (without `attributes.`) that identify a record */
  identifierFields: string[];
  allOrNothing: boolean;
  createMissingContacts: boolean;
  saveMappingAs: string;
}

export const DEFAULT_OPTIONS: ImportOptions = {
  mode: 'upsert',
  match: null,
  identifierFields: [],
  allOrNothing: false,
  createMissingContacts: false,
  saveMappingAs: '',
};
