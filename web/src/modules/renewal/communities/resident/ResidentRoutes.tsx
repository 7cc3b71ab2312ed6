import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { ResidentMessage } from '../widgets/ResidentLayout.tsx';

const SurveyPage = lazy(() => import('./SurveyPage.tsx'));
const BallotPage = lazy(() => import('../../ballots/resident/BallotPage.tsx'));

/** Residents' pages under /r/* (no account): s/:token a survey (问需/问效), b/:token a ballot (问计). */
export default function ResidentRoutes() {
  return (
    <Suspense fallback={<ResidentMessage title="正在打开…" text="请稍候" />}>
      <Routes>
        <Route path="s/:token" element={<SurveyPage />} />
        <Route path="b/:token" element={<BallotPage />} />
        <Route
          path="*"
          element={
            <ResidentMessage
              title="链接无效"
              text="请核对链接是否完整，或向社区工作人员索取新的链接。"
              error
            />
          }
        />
      </Routes>
    </Suspense>
  );
}
