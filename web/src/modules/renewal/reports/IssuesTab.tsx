import { useListParams } from '../../../kit/index.ts';
import { IssuesTable } from './IssuesTable.tsx';

/** 问题: the project's issues (their page in the URL). */
export default function IssuesTab({ projectId }: { projectId: string }) {
  const list = useListParams({ filters: [] });
  return <IssuesTable list={list} query={{ projectId }} showProject={false} />;
}
