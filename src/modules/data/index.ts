import type { ModuleDeps, ModulePlugin } from '../../platform/module.ts';
import { importRoutes } from './import/import.routes.ts';
import { dataQualityRoutes } from './quality/data-quality.routes.ts';
import { mergeRoutes } from './merge/merge.routes.ts';
import { duplicatesRoutes } from './duplicates/duplicates.routes.ts';

export { createImport, type ImportRequest } from './import/create-import.ts';
export { runImport, type ImportHooks } from './import/run-import.ts';
export { undoImport, type UndoResult } from './import/undo-import.ts';
export { loadBatch, batchJson, type ImportBatchJson, type ImportBatchRow } from './import/import-batches.ts';
export { IMPORT_MODES, type ImportMode } from './import/import-context.ts';
export { IMPORT_OBJECTS, type ImportObject } from './import/mapping/index.ts';
export { scanDuplicates, listDuplicates, dismissDuplicate, DEDUPE_OBJECTS, type DedupeObject, type ScanResult, type DuplicatePairJson } from './duplicates/duplicates-api.ts';
export { mergeRecords, undoMerge, bulkMerge, aliasSurvivors, MERGE_OBJECTS, type MergeObject } from './merge/merge-api.ts';

/** Data in and clean: import, duplicates and merge, data quality. */
export function dataModule(deps: ModuleDeps): ModulePlugin {
  return async (app) => {
    await app.register(importRoutes(deps));
    await app.register(dataQualityRoutes(deps));
    await app.register(mergeRoutes(deps));
    await app.register(duplicatesRoutes(deps));
  };
}
