import { rowSelectionFeature, rowSortingFeature, tableFeatures } from '@tanstack/react-table';

/**
 * Sorting and selection only: rows arrive sorted and paginated by the server,
 * so no client row models are registered (they would re-sort loaded pages).
 */
export const customerTableFeatures = tableFeatures({ rowSortingFeature, rowSelectionFeature });
export type CustomerTableFeatures = typeof customerTableFeatures;
