import type { ModuleDeps, ModulePlugin } from '../../platform/module.ts';
import { searchRoutes } from './search/search.routes.ts';
import { notesRoutes } from './notes/notes.routes.ts';
import { activitiesRoutes } from './activities/activities.routes.ts';
import { tasksRoutes } from './tasks/tasks.routes.ts';
import { productsRoutes } from './products/products.routes.ts';
import { ordersRoutes } from './orders/orders.routes.ts';
import { timelineRoutes } from './timeline/timeline.routes.ts';
import { dashboardRoutes } from './dashboard/dashboard.routes.ts';
import { contactRoutes } from './contacts/contacts.routes.ts';
import { companyRoutes } from './companies/companies.routes.ts';
import { customFieldRoutes } from './fields/custom-fields.routes.ts';
import { recordRoutes, trashRoutes } from './records/record.routes.ts';
import { savedViewRoutes } from './views/saved-views.routes.ts';
import { exportRoutes } from './export/export.routes.ts';
import { CONTACT_RECORD } from './contacts/contact-fields.ts';
import { COMPANY_RECORD } from './companies/company-fields.ts';

export { contactExists } from './contacts/contact-exists.ts';
export { companyExists } from './companies/company-exists.ts';
export { filterPredicate } from './filter/filter-predicate.ts';
export { customFieldEntries, type FieldRegistry, type FilterField } from './filter/field-registry.ts';
export { parseSort, orderBy, keysetPredicate, sortKeySelect, type SortRegistry } from './filter/sort.ts';
export { cappedCount } from './filter/count.ts';
export { normalizeEmail } from './normalize/email.ts';
export { cleanText, cleanTag, NAME_MAX, TEXT_MAX } from './normalize/text.ts';
export { loadFieldDefinitions, type FieldDefinition, type FieldType } from './fields/field-definitions.ts';
export { validateAttributes, type AttributeValue } from './fields/validate-attributes.ts';
export { createFieldDefinition } from './fields/create-field-definition.ts';
export { LIFECYCLE_STAGES, VALUE_TIERS } from './contacts/contact-fields.ts';
export { isCurrency } from './products/currency.ts';
export { normalizeDomain } from './companies/prepare-company.ts';
export { normalizePhone } from './normalize/phone.ts';
export { displayName } from './normalize/display-name.ts';
export { searchDocument, queryTokens, contactSearchColumns, companySearchColumns, type SearchInput } from './search/search-document.ts';
export { searchRecords, type SearchHit } from './search/search-records.ts';
export { seedCustomers, type SeedOptions, type SeedProgress, type SeedResult } from './seed/seed-customers.ts';
export { seedDemoData, type DemoOptions } from './seed/seed-demo-data.ts';
export { orderVisibleSql } from './orders/order-visibility.ts';
export { refreshContactAggregates } from './seed/refresh-contact-aggregates.ts';
export { dropSecondaryIndexes, recreateIndexes } from './seed/secondary-indexes.ts';
export { recordStore, type RecordStore, type StoredValues } from './records/record-store.ts';
export { resolveMergedId } from './records/record-aliases.ts';
export { ContactSchema } from './contacts/contact-schemas.ts';
export { CompanySchema } from './companies/company-schemas.ts';
export { removeExpiredExports } from './export/export-job.ts';
export { exportRecords, type ExportResult } from './export/export-records.ts';
export { discardFile } from './export/export-sinks.ts';
export { CSV_BOM, csvLine } from './export/cells.ts';
export { EXPORT_OBJECTS, EXPORT_FORMATS, type ExportRequest, type ExportObject, type ExportFormat } from './export/export-request.ts';

/** Contacts, companies, custom fields, tags, notes, tasks, activities, products, orders, the timeline, search. */
export function customersModule(_deps: ModuleDeps): ModulePlugin {
  return async (_app) => {
    // route files register here as they land
    await _app.register(searchRoutes(_deps));
    await _app.register(notesRoutes(_deps));
    await _app.register(activitiesRoutes(_deps));
    await _app.register(tasksRoutes(_deps));
    await _app.register(productsRoutes(_deps));
    await _app.register(ordersRoutes(_deps));
    await _app.register(timelineRoutes(_deps));
    await _app.register(dashboardRoutes(_deps));
    await _app.register(contactRoutes(_deps));
    await _app.register(companyRoutes(_deps));
    await _app.register(customFieldRoutes(_deps));
    await _app.register(recordRoutes(_deps, CONTACT_RECORD));
    await _app.register(recordRoutes(_deps, COMPANY_RECORD));
    await _app.register(trashRoutes(_deps, [CONTACT_RECORD, COMPANY_RECORD]));
    await _app.register(savedViewRoutes(_deps, [CONTACT_RECORD, COMPANY_RECORD]));
    await _app.register(exportRoutes(_deps));
  };
}
