import { useEffect, useRef } from 'react';
import { isJobActive, type Job } from '../../platform/jobs/types';
import { useJob } from '../../platform/jobs/useJob';

/** Polls a job and calls `onFinished` once when it stops (succeeded, failed or cancelled). */
export function useWatchedJob(jobId: string | null, onFinished: (job: Job) => void) {
  const job = useJob(jobId);
  const reported = useRef<string | null>(null);
  const callback = useRef(onFinished);
  useEffect(() => {
    callback.current = onFinished;
  });
  const data = job.data;
  useEffect(() => {
    if (!data || isJobActive(data) || reported.current === data.id) return;
    reported.current = data.id;
    callback.current(data);
  }, [data]);
  return job;
}
