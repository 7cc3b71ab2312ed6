import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Pagination } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../../platform/api/client.ts';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import { bk } from './api.ts';
import { BallotsTable } from './BallotSection.tsx';
import { useBT } from './i18n/bt.ts';
import '../renewal.css';

/** 问计表决: the ballots of every community the caller sees, a page at a time. */
export default function BallotsPage() {
  const bt = useBT();
  const navigate = useNavigate();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const ballots = useQuery({
    queryKey: [...bk.allBallots, paging],
    queryFn: () => unwrap(api.GET('/api/renewal/ballots', { params: { query: paging } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title={bt('page.title')} description={bt('page.description')} />
      <ErrorAlert error={ballots.error} onRetry={() => void ballots.refetch()} />
      <BallotsTable
        withCommunity
        items={ballots.data?.items}
        loading={ballots.isFetching}
        onOpen={(id) => navigate(`/renewal/ballots/${id}`)}
      />
      {(ballots.data?.total ?? 0) > paging.pageSize ? (
        <Pagination
          align="end"
          style={{ marginTop: 12 }}
          current={paging.page}
          pageSize={paging.pageSize}
          total={ballots.data?.total ?? 0}
          onChange={(page, pageSize) => setPaging({ page, pageSize })}
        />
      ) : null}
    </>
  );
}
