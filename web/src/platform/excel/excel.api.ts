import { useSyncExternalStore } from 'react';
import { api, rawFetch, unwrap } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import type { ApiQuery, ApiResponse } from '../api/types.ts';

/** The lists with Excel export and import (declared in the server manifests' `excel` entries). */
export type ExcelTarget = 'people' | 'organisations';
export const EXCEL_BASE = { people: '/api/people', organisations: '/api/orgs' } as const satisfies Record<
  ExcelTarget,
  string
>;

export type PeopleExportQuery = ApiQuery<'/api/people/export.xlsx'>;
export type OrgExportQuery = ApiQuery<'/api/orgs/export.xlsx'>;
export type ImportMode = NonNullable<ApiQuery<'/api/people/import', 'post'>['mode']>;
export type ImportAccepted = ApiResponse<'/api/people/import', 'post'>;
export type Job = ApiResponse<'/api/jobs/{id}'>;

export const isFinished = (job: Job | undefined) => job?.status === 'succeeded' || job?.status === 'failed';

/** "人员_20260302.xlsx" from `Content-Disposition: attachment; filename*=UTF-8''…`. */
export function fileNameOf(response: Response, fallback: string): string {
  const cd = response.headers.get('content-disposition') ?? '';
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through to the plain filename */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

/** Every row matching the filters (not just one page), masked as on screen; audited by the server. */
export async function downloadExport(
  x: { target: 'people'; query: PeopleExportQuery } | { target: 'organisations'; query: OrgExportQuery },
  fallbackName: string,
): Promise<void> {
  const call =
    x.target === 'people'
      ? api.GET('/api/people/export.xlsx', { params: { query: x.query }, parseAs: 'blob' })
      : api.GET('/api/orgs/export.xlsx', { params: { query: x.query }, parseAs: 'blob' });
  const r = await call.catch((e: unknown) => {
    throw new ApiError(0, { code: 'NETWORK', message: e instanceof Error ? e.message : String(e) });
  });
  // On an error openapi-fetch reads the body as JSON whatever parseAs says: the usual {code, message}.
  if (!r.response.ok) throw ApiError.fromResponse(r.response, r.error as unknown);
  saveBlob(r.data as Blob, fileNameOf(r.response, fallbackName));
}

/** Hands a downloaded file to the browser under `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Uploads the .xlsx as the raw request body to an import route (e.g. `importUrl('people')` or a
 * module's own one); the server answers 202 with the queued job.
 */
export async function startImport(url: string, file: File, mode: ImportMode): Promise<Job> {
  const response = await rawFetch(`${url}?mode=${mode}`, {
    method: 'POST',
    body: file,
    headers: {
      'Content-Type': file.type || 'application/octet-stream',
      'X-File-Name': encodeURIComponent(file.name),
    },
  });
  const accepted = (await response.json()) as ImportAccepted;
  return accepted.job;
}

export const fetchJob = (id: string) => unwrap(api.GET('/api/jobs/{id}', { params: { path: { id } } }));

export const importUrl = (target: ExcelTarget) => `${EXCEL_BASE[target]}/import`;
export const templateUrl = (target: ExcelTarget) => `${EXCEL_BASE[target]}/import-template.xlsx`;
export const errorReportUrl = (jobId: string) => `/api/jobs/${encodeURIComponent(jobId)}/errors.xlsx`;

/*
 * The import running for this user and list, kept in localStorage so the progress bar comes back
 * after a reload. Every component showing it reads the same key (useSyncExternalStore). The list is
 * an ExcelTarget or a module's own key (e.g. `renewal-tasks:<project id>`).
 */
const listeners = new Set<() => void>();
const keyOf = (userId: string, target: string) => `gongfu_import_job:${userId}:${target}`;

function subscribe(l: () => void) {
  listeners.add(l);
  const onStorage = (e: StorageEvent) => {
    if (e.key?.startsWith('gongfu_import_job:')) l();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener('storage', onStorage);
  };
}

export function setStoredJob(userId: string, target: string, jobId: string | null): void {
  if (jobId) localStorage.setItem(keyOf(userId, target), jobId);
  else localStorage.removeItem(keyOf(userId, target));
  for (const l of listeners) l();
}

export function useStoredJob(userId: string, target: string): string | null {
  return useSyncExternalStore(subscribe, () => localStorage.getItem(keyOf(userId, target)));
}

/* Whether the import dialog of a list is open: the page's own progress card hides meanwhile. */
const dialogOpen = new Set<string>();

export function setImportDialogOpen(target: string, open: boolean): void {
  if (open) dialogOpen.add(target);
  else dialogOpen.delete(target);
  for (const l of listeners) l();
}

export function useImportDialogOpen(target: string): boolean {
  return useSyncExternalStore(subscribe, () => dialogOpen.has(target));
}
