import { useParams } from 'react-router';
import { DetailShell } from '../../../kit/index.ts';
import { BallotPanel } from './BallotPanel.tsx';
import { useBT } from './i18n/bt.ts';
import '../renewal.css';

/** One ballot on its own page (from the programme's ballot list). */
export default function BallotDetailPage() {
  const bt = useBT();
  const { id = '' } = useParams();
  return (
    <DetailShell
      title={bt('page.title')}
      back={{ to: '/renewal/ballots', label: bt('ballot.back') }}
      record={{}}
    >
      <BallotPanel ballotId={id} />
    </DetailShell>
  );
}
