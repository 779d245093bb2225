/** What an import column can be loaded into, and the suggested column → field mapping. */
export { IMPORT_OBJECTS, IMPORT_TARGETS, type ImportObject, type ImportTarget, type ValueKind } from './targets.ts';
export { foldHeader, suggestMapping, type CustomFieldRef, type MappingMatch, type MappingSuggestion } from './suggest-mapping.ts';
export { customFieldKeyFor } from './custom-field-key.ts';
