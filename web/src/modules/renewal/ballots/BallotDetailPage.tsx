import { Button } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import { BallotPanel } from './BallotPanel.tsx';
import { useBT } from './i18n/bt.ts';
import '../renewal.css';

/** One ballot on its own page (from the programme's ballot list). */
export default function BallotDetailPage() {
  const bt = useBT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  return (
    <>
      <PageHeader
        title={bt('page.title')}
        extra={<Button onClick={() => navigate('/renewal/ballots')}>{bt('ballot.back')}</Button>}
      />
      <BallotPanel ballotId={id} />
    </>
  );
}
