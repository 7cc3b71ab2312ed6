import { type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { isApiError } from '../api/errors.ts';
import { useAuth } from '../auth/auth.tsx';
import { type ExcelTarget, fetchJob, isFinished, setStoredJob, useStoredJob } from './excel.api.ts';

/** Which list's cached pages to refresh when an import into it has written rows. */
const LIST_KEY: Record<ExcelTarget, QueryKey> = { people: ['people'], organisations: ['orgs'] };

/**
 * The user's current import into a list: polled every second until it finishes; survives a reload.
 * `target` is an ExcelTarget or a module's own key (then pass `invalidate`: the queries to refresh
 * when the import has written rows).
 */
export function useImportJob(target: string, invalidate?: readonly QueryKey[]) {
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
  const keys = useRef(invalidate);
  keys.current = invalidate ?? (Object.hasOwn(LIST_KEY, target) ? [LIST_KEY[target as ExcelTarget]] : []);
  const seen = useRef<string | null>(null);
  const data = job.data;
  useEffect(() => {
    if (!data || !isFinished(data) || seen.current === data.id) return;
    seen.current = data.id;
    if ((data.result?.imported ?? 0) > 0) {
      for (const queryKey of keys.current ?? []) void qc.invalidateQueries({ queryKey });
    }
  }, [data, qc]);

  return { jobId, job: jobId ? data : undefined, error: job.error, set };
}
