import type { ModuleDeps, ModulePlugin } from '../../platform/module.ts';

export { searchDocument, queryTokens } from './search/search-document.ts';

/** Contacts, companies, custom fields, tags, notes, tasks, activities, products, orders, the timeline, search. */
export function customersModule(_deps: ModuleDeps): ModulePlugin {
  return async (_app) => {
    // route files register here as they land
  };
}
