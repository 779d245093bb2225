import type { ApiResponse } from '../apiTypes';

/** A background job as `/api/v1/jobs` reports it: progress, rate and ETA are computed by the server. */
export type Job = ApiResponse<'/api/v1/jobs/{id}', 'get'>;

/** Jobs in these states still change: pages poll them and offer a cancel button. */
export function isJobActive(job: Pick<Job, 'status'>): boolean {
  return job.status === 'queued' || job.status === 'running';
}
