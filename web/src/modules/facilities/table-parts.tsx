import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/** Shared pieces of the module's tables: the sort a list offers, and an edit column. */

/**
 * The URL's sort if the list's endpoint offers it (`name` or `-name`), else undefined (the
 * endpoint's default): a sort from an old link or a typed address never reaches the server.
 */
export function sortOf<S extends string>(names: readonly S[], sort: string | undefined) {
  const name = sort?.startsWith('-') ? sort.slice(1) : sort;
  return names.some((n) => n === name) ? (sort as S | `-${S}`) : undefined;
}

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
