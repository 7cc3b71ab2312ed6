import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/** Shared pieces of the module's tables: paging over a query's page/pageSize, and an edit column. */

interface Paged {
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** antd pagination bound to a filter object with page and pageSize. */
export const pagingOf = <F extends Paged>(
  filters: F,
  setFilters: (f: F) => void,
  total: number | undefined,
) => ({
  current: filters.page,
  pageSize: filters.pageSize,
  total: total ?? 0,
  onChange: (page: number, pageSize: number) => setFilters({ ...filters, page, pageSize }),
});

/**
 * The "编辑" column (only for those who may write): a pencil button, named after the row, on each
 * row the server says the caller may edit (`can.edit`: the row lies within their write scope).
 */
export function editColumns<R extends { can: { edit: boolean } }>(
  show: boolean,
  label: string,
  nameOf: (r: R) => string,
  onEdit: (r: R) => void,
) {
  return show
    ? [
        {
          title: label,
          key: 'edit',
          render: (_: unknown, r: R) =>
            r.can.edit ? (
              <Button
                size="small"
                icon={<EditOutlined aria-hidden />}
                aria-label={`${label} ${nameOf(r)}`}
                onClick={() => onEdit(r)}
              />
            ) : null,
        },
      ]
    : [];
}
