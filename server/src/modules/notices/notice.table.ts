import type { ColumnType, Generated } from 'kysely';

export interface NoticeTable {
  id: Generated<string>;
  title: string;
  body: string;
  region_code: string;
  author_id: string | null;
  published_at: ColumnType<Date, Date, Date>;
}

export interface NoticeTables {
  notices: NoticeTable;
}
