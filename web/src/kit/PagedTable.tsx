import { keepPreviousData, type QueryKey, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { Form, Space, Table, type TableColumnsType, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { type ReactNode, useEffect } from 'react';
import { useT } from '../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../platform/widgets/ErrorAlert.tsx';
import { type Download, ExportButton } from './ExportButton.tsx';
import { FilterForm } from './FilterForm.tsx';
import { clean, type Filters, type ListParams, PAGE_SIZES } from './list-params.ts';

/** What a paged endpoint answers (more fields, e.g. a filter's options, may come with it). */
export interface Page<Row> {
  items: Row[];
  total: number;
  /** More than `total` match (a count bounded over a very large scope): shown as "超过 N 条". */
  totalIsLowerBound?: boolean;
  page: number;
  pageSize: number;
}

/** The paging a paged endpoint takes, added to the list's query. */
export interface Paging {
  page: number;
  pageSize: number;
  sort?: string;
}

type FormValues = Record<string, unknown>;

/** The row type of a page. */
export type RowOf<P extends Page<object>> = P['items'][number];

export interface PagedQueryOptions<Q extends object, P extends Page<object>> {
  /** The list's state in the URL (useListParams). */
  list: ListParams<string>;
  /** The filters as the endpoint takes them, without the paging. */
  query: Q;
  /** The query key of one page (e.g. `rk.findings`), given the query with its paging. */
  queryKey: (q: Q & Paging) => QueryKey;
  /** Fetches one page, e.g. `(q) => unwrap(api.GET('/api/renewal/findings', { params: { query: q } }))`. */
  fetch: (q: Q & Paging) => Promise<P>;
  /** Whether the endpoint takes `sort` (then columns with `sorter: true` sort on the server). */
  sortable?: boolean;
}

/**
 * One page of a paged endpoint (`{ items, total, page, pageSize }`) for the list's filters and
 * page; the previous page stays while the next loads, and a page past the end (rows removed, an
 * old link) turns into the last one.
 */
export function usePagedQuery<Q extends object, P extends Page<object>>({
  list,
  query,
  queryKey,
  fetch,
  sortable = false,
}: PagedQueryOptions<Q, P>): UseQueryResult<P> {
  const paged = {
    ...query,
    page: list.page,
    pageSize: list.pageSize,
    ...(sortable && list.sort ? { sort: list.sort } : {}),
  } as Q & Paging;
  const result = useQuery({
    queryKey: queryKey(paged),
    queryFn: () => fetch(paged),
    placeholderData: keepPreviousData,
  });
  const data = result.data;
  const lastPage = data ? Math.max(1, Math.ceil(data.total / list.pageSize)) : 1;
  const pastEnd = !!data && !result.isPlaceholderData && data.items.length === 0 && list.page > lastPage;
  const { setPage, pageSize } = list;
  useEffect(() => {
    if (pastEnd) setPage(lastPage, pageSize, true);
  }, [pastEnd, lastPage, pageSize, setPage]);
  return result;
}

export interface PagedTableProps<P extends Page<object>>
  extends Omit<TableProps<RowOf<P>>, 'dataSource' | 'pagination' | 'loading' | 'onChange' | 'columns'> {
  /** The list's state in the URL (useListParams). */
  list: ListParams<string>;
  /** The page shown (usePagedQuery). */
  result: UseQueryResult<P>;
  /** The table's accessible name. */
  'aria-label': string;
  columns: TableColumnsType<RowOf<P>>;
  /**
   * The filter fields (antd Form.Items named as the list's filters), shown with 查询 and 重置 (and
   * the export).
   */
  filters?: ReactNode;
  /** The filters in force as the filter form's values (default: the URL's strings). */
  toForm?: (filters: Filters<string>) => FormValues;
  /** The filter form's values as URL strings (default: each trimmed, blanks dropped). */
  fromForm?: (values: FormValues) => Partial<Record<string, string | undefined>>;
  /** The list's Excel export: every row matching the same filters (the query the page was fetched with). */
  exportTo?: { fileName: string; download: Download };
  /** More controls above the table (a status switch). */
  toolbar?: ReactNode;
  /** What an empty list says (otherwise "没有符合筛选条件的记录" under a filter, antd's "暂无数据" without). */
  empty?: ReactNode;
}

const defaultFromForm = (v: FormValues) =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]));

/** antd steps to the entry after the current order: ascending and descending, in turn. */
const TOGGLE: SortOrder[] = ['ascend', 'descend', 'ascend'];

/** `-date` → ['date', 'descend'] */
const parseSort = (s: string | undefined): [string, SortOrder] | undefined =>
  s ? (s.startsWith('-') ? [s.slice(1), 'descend'] : [s, 'ascend']) : undefined;

/**
 * The one list: filters, sort and page in the URL (useListParams), one page of a paged endpoint
 * (usePagedQuery), the total ("共 N 条"), loading, empty and error states in the user's language,
 * and the Excel export of the same filters.
 */
export function PagedTable<P extends Page<object>>(props: PagedTableProps<P>) {
  const {
    list,
    result,
    filters,
    toForm,
    fromForm = defaultFromForm,
    exportTo,
    toolbar,
    empty,
    columns,
    size = 'middle',
    ...tableProps
  } = props;
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const data = result.data;

  const sort = parseSort(list.sort);
  const sortable = columns.some((c) => !!c.sorter);
  const shownColumns = sortable
    ? columns.map((c) => {
        if (!c.sorter) return c;
        const key = String(c.key ?? ('dataIndex' in c ? c.dataIndex : ''));
        // a click turns the sort around, never clears it: a cleared sort would fall back to the
        // list's default, so a column sorted by default (newest first) could not be reversed
        return { sortDirections: TOGGLE, ...c, sortOrder: sort?.[0] === key ? sort[1] : null };
      })
    : columns;

  const exportButton = exportTo ? (
    <ExportButton fileName={exportTo.fileName} download={exportTo.download} />
  ) : null;

  return (
    <>
      {filters ? (
        <FilterForm<FormValues>
          form={form}
          values={toForm ? toForm(list.filters) : list.filters}
          onSearch={(v) => list.setFilters(v ? fromForm(v) : {})}
          extra={exportButton}
        >
          {filters}
        </FilterForm>
      ) : null}
      {toolbar || (!filters && exportButton) ? (
        <div className="gf-toolbar gf-block">
          <Space wrap>{toolbar}</Space>
          {filters ? null : exportButton}
        </div>
      ) : null}
      <ErrorAlert error={result.error} title={t('kit.loadFailed')} onRetry={() => void result.refetch()} />
      <Table<RowOf<P>>
        {...tableProps}
        size={size}
        columns={shownColumns}
        loading={result.isFetching}
        dataSource={data?.items}
        locale={
          empty !== undefined
            ? { emptyText: empty }
            : list.filtered
              ? { emptyText: t('kit.noMatch') }
              : undefined
        }
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [...PAGE_SIZES],
          showTotal: (n) =>
            t(data?.totalIsLowerBound ? 'kit.totalMore' : 'common.total', {
              total: n.toLocaleString('en-US'),
            }),
          onChange: (p, ps) => list.setPage(p, ps),
        }}
        onChange={(_, __, sorter, extra) => {
          if (!sortable || extra.action !== 'sort' || Array.isArray(sorter)) return;
          const field = String(sorter.columnKey ?? sorter.field ?? '');
          list.setSort(
            sorter.order && field ? `${sorter.order === 'descend' ? '-' : ''}${field}` : undefined,
          );
        }}
      />
    </>
  );
}
