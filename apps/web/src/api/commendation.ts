import { useQuery } from '@tanstack/react-query';
import { sessionStore } from '../auth/session-store';
import { api, call } from './client';
import { ApiError, isProblem } from './problem';

/* The commendation endpoints answer without a response schema in the OpenAPI document: their
 * shapes are typed here, from apps/api/src/commendation/*.service.ts. */

export interface Localized {
  vi: string;
  en: string;
}

export type NominationStatus =
  | 'IN_REVIEW'
  | 'RETURNED'
  | 'POSTED'
  | 'VOTING'
  | 'AWAITING_DECISION'
  | 'AWARDED'
  | 'REJECTED'
  | 'WITHDRAWN';

export interface NominationSummary {
  id: string;
  formCode: string;
  formName: Localized;
  level: string;
  year: number;
  nomineeKind: 'UNIT' | 'PERSON' | 'INITIATIVE';
  nomineeName: string;
  unitId: string;
  proposerUnitId: string;
  authorityUnitId: string;
  status: NominationStatus;
  round: number;
  achievement: string;
  currentStep: {
    index: number;
    key: string;
    kind: string;
    title: Localized;
    actorUnitName: string;
    actorRole: string;
  } | null;
  steps: { key: string; kind: string; title: Localized; slaWorkingDays: number }[];
  stepDueAt: string | null;
  postedUntil: string | null;
  closedReason: string | null;
  submittedAt: string;
}

export interface NominationDocument {
  id: string;
  kind: string;
  fileName: string;
  mediaType: string;
  size: number;
  revision: number;
  uploadedAt: string;
}

export interface NominationAction {
  id: string;
  stepIndex: number;
  stepKey: string;
  round: number;
  action: string;
  reason: string | null;
  at: string;
}

export interface Objection {
  id: string;
  text: string;
  filedAt: string;
  upheld: boolean | null;
  resolution: string | null;
  resolvedAt: string | null;
}

export interface NominationDetail extends NominationSummary {
  live: {
    council: { eligibleCount: number; voted: string[] } | null;
    postingOpen: boolean;
  } | null;
  documents: NominationDocument[];
  actions: NominationAction[];
  objections: Objection[];
  award: { id: string; serial: string; verificationCode: string; revokedAt: string | null } | null;
}

export interface AwardForm {
  id: string;
  code: string;
  version: number;
  name: string | Localized;
  level: string;
  authority: { id: string; code?: string; name?: string } | null;
  content: {
    name: Localized;
    nomineeKinds: ('UNIT' | 'PERSON' | 'INITIATIVE')[];
    dossier: { kind: string; label: Localized; required: boolean }[];
  };
}

export interface Person {
  id: string;
  fullName: string;
  position?: string | null;
}

export interface Posting {
  nominationId: string;
  nomineeName: string;
  nomineeKind: string;
  formName: string | Localized;
  authorityName: string | null;
  achievement: string;
  postedFrom: string | null;
  postedUntil: string | null;
}

export const text = (value: string | Localized | undefined | null, lang: string): string =>
  !value ? '' : typeof value === 'string' ? value : lang === 'en' ? value.en : value.vi;

export const commendationKeys = {
  nominations: ['nominations'] as const,
  nomination: (id: string) => ['nominations', id] as const,
  approvals: ['me', 'approvals'] as const,
  awardForms: ['award-forms'] as const,
  people: (unitId: string) => ['units', unitId, 'people'] as const,
  postings: ['public', 'postings'] as const,
};

export function useNominations() {
  return useQuery({
    queryKey: commendationKeys.nominations,
    queryFn: async () =>
      (await call(api.GET('/nominations', {}))) as unknown as NominationSummary[],
  });
}

export function useNomination(id: string) {
  return useQuery({
    queryKey: commendationKeys.nomination(id),
    queryFn: async () =>
      (await call(
        api.GET('/nominations/{id}', { params: { path: { id } } }),
      )) as unknown as NominationDetail,
  });
}

export function useApprovals() {
  return useQuery({
    queryKey: commendationKeys.approvals,
    queryFn: async () => (await call(api.GET('/me/approvals'))) as unknown as NominationSummary[],
  });
}

export function useAwardForms() {
  return useQuery({
    queryKey: commendationKeys.awardForms,
    queryFn: async () => (await call(api.GET('/award-forms'))) as unknown as AwardForm[],
  });
}

/** Publishes the next version of an award form (a new code starts a new form at version 1). The
 * API validates the whole definition and names the first broken field. */
export async function publishAwardForm(
  content: Record<string, unknown>,
): Promise<{ id: string; code: string; version: number }> {
  return (await call(
    api.POST('/award-forms', { body: content as Record<string, never> }),
  )) as unknown as { id: string; code: string; version: number };
}

export function usePeople(unitId: string | null | undefined) {
  return useQuery({
    queryKey: commendationKeys.people(unitId ?? ''),
    enabled: !!unitId,
    queryFn: async () =>
      (await call(
        api.GET('/units/{unitId}/people', { params: { path: { unitId: unitId! } } }),
      )) as unknown as Person[],
  });
}

export function usePostings() {
  return useQuery({
    queryKey: commendationKeys.postings,
    queryFn: async () => (await call(api.GET('/public/postings'))) as unknown as Posting[],
  });
}

/** A file as base64 (without the data: prefix), for the dossier's JSON body. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('FileReader'));
    reader.readAsDataURL(file);
  });
}

/** A file the API serves only with the bearer token: fetched, then handed over as a blob URL. */
export async function fetchBlob(path: string): Promise<{ url: string; type: string }> {
  const token = sessionStore.get()?.token;
  const response = await fetch(path, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    if (isProblem(body)) throw new ApiError(body);
    throw new ApiError({
      status: response.status,
      code: `HTTP_${response.status}`,
      detail: response.statusText,
    });
  }
  const blob = await response.blob();
  return { url: URL.createObjectURL(blob), type: blob.type };
}

/** Saves a token-protected file under the given name. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const { url } = await fetchBlob(path);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
