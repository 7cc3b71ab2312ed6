/**
 * The kit: the one way a page lists, edits and shows records. Lists keep their filters, sort and
 * page in the URL (useListParams, PagedTable); create and edit happen in a FormDrawer; a record's
 * page sits in a DetailShell. Module pages import these from here, not from their files.
 */
export {
  type CanFlags,
  type DetailAction,
  DetailShell,
  type DetailShellProps,
  type DetailTab,
} from './DetailShell.tsx';
export { type Download, ExportButton } from './ExportButton.tsx';
export { FilterForm } from './FilterForm.tsx';
export { FormDrawer, type FormDrawerProps, type FormStart } from './FormDrawer.tsx';
export { listUrl } from './list-memory.ts';
export {
  clean,
  type Filters,
  type ListParams,
  type ListParamsOptions,
  PAGE_SIZES,
  useListParams,
} from './list-params.ts';
export {
  type Page,
  type PagedQueryOptions,
  PagedTable,
  type PagedTableProps,
  type Paging,
  type RowOf,
  usePagedQuery,
} from './PagedTable.tsx';
export { useRequired } from './required.ts';
export { fieldPath, formPathOf, placeServerError, useServerError } from './server-errors.ts';
