import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { isApiError } from '../api/errors.ts';
import { useAuth } from '../auth/auth.tsx';
import { type ExcelTarget, fetchJob, isFinished, setStoredJob, useStoredJob } from './excel.api.ts';

/** Which list's cached pages to refresh when an import into it has written rows. */
const LIST_KEY: Record<ExcelTarget, string> = { people: 'people', organisations: 'orgs' };

/** The user's current import into a list: polled every second until it finishes; survives a reload. */
export function useImportJob(target: ExcelTarget) {
  const me = useAuth();
  const qc = useQueryClient();
  const jobId = useStoredJob(me.id, target);
  const job = useQuery({
    queryKey: ['jobs', jobId ?? ''],
    queryFn: () => fetchJob(jobId ?? ''),
    enabled: jobId !== null,
    retry: false,
    staleTime: 0,
    refetchInterval: (q) => (isFinished(q.state.data) || q.state.error ? false : 1000),
  });

  const set = useCallback((id: string | null) => setStoredJob(me.id, target, id), [me.id, target]);

  // A job that no longer exists (or belongs to someone else on this browser) is forgotten.
  useEffect(() => {
    if (isApiError(job.error) && job.error.status === 404) set(null);
  }, [job.error, set]);

  // When rows were written, the list shows them.
  const seen = useRef<string | null>(null);
  const data = job.data;
  useEffect(() => {
    if (!data || !isFinished(data) || seen.current === data.id) return;
    seen.current = data.id;
    if ((data.result?.imported ?? 0) > 0) void qc.invalidateQueries({ queryKey: [LIST_KEY[target]] });
  }, [data, qc, target]);

  return { jobId, job: jobId ? data : undefined, error: job.error, set };
}
