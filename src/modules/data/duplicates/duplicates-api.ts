/** What the duplicates feature offers outside its folder (the CLI, benches), re-exported by the data module's index. */
export { scanDuplicates, type ScanOptions, type ScanResult, type ScanPhase } from './scan-duplicates.ts';
export { listDuplicates } from './list-duplicates.ts';
export { dismissDuplicate } from './dismiss-duplicate.ts';
export { DEDUPE_OBJECTS, type DedupeObject } from './dedupe-settings.ts';
export type { DuplicatePairJson } from './duplicate-schemas.ts';
