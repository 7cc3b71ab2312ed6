import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../../platform/api/client.ts';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import { bk } from './api.ts';
import { BallotsTable } from './BallotSection.tsx';
import { useBT } from './i18n/bt.ts';
import '../renewal.css';

/** 问计表决: the ballots of every community the caller sees. */
export default function BallotsPage() {
  const bt = useBT();
  const navigate = useNavigate();
  const ballots = useQuery({
    queryKey: bk.allBallots,
    queryFn: () => unwrap(api.GET('/api/renewal/ballots')),
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
    </>
  );
}
