import type { ModuleDeps, ModulePlugin } from '../../platform/module.ts';

/** Data in and clean: import, duplicates and merge, data quality. */
export function dataModule(deps: ModuleDeps): ModulePlugin {
  return async (app) => {
    void deps;
    void app;
  };
}
