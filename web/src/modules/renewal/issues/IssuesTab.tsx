import { useState } from 'react';
import { IssuesTable } from './IssuesTable.tsx';

/** 问题: the project's issues. */
export default function IssuesTab({ projectId }: { projectId: string }) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  return (
    <IssuesTable
      query={{ projectId }}
      page={page.page}
      pageSize={page.pageSize}
      onPage={(p, ps) => setPage({ page: p, pageSize: ps })}
      showProject={false}
    />
  );
}
