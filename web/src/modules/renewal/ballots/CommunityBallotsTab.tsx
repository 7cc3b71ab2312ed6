import { Tabs } from 'antd';
import { BallotSection } from './BallotSection.tsx';
import { useBT } from './i18n/bt.ts';
import { PlanSection } from './PlanSection.tsx';
import { ReviewSection } from './ReviewSection.tsx';

/** 问计于民 on a community's page: plan versions, review meetings and owners' ballots. */
export default function CommunityBallotsTab({ communityId }: { communityId: string }) {
  const bt = useBT();
  return (
    <Tabs
      destroyOnHidden
      defaultActiveKey="ballots"
      items={[
        { key: 'plans', label: bt('tab.plans'), children: <PlanSection communityId={communityId} /> },
        { key: 'reviews', label: bt('tab.reviews'), children: <ReviewSection communityId={communityId} /> },
        { key: 'ballots', label: bt('tab.ballots'), children: <BallotSection communityId={communityId} /> },
      ]}
    />
  );
}
