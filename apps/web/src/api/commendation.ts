import { useQuery } from '@tanstack/react-query';
import { sessionStore } from '../auth/session-store';
import { api, call } from './client';
import { ApiError, isProblem } from './problem';
import type { components } from './schema';

type Schemas = components['schemas'];

/** A text in both languages (award forms, chain steps). */
export type Localized = Schemas['NominationTextDto'];
export type NominationSummary = Schemas['NominationSummaryDto'];
export type NominationStatus = NominationSummary['status'];
export type NominationDetail = Schemas['NominationDetailDto'];
export type NominationDocument = Schemas['DossierDocumentInfoDto'];
export type NominationAction = Schemas['NominationActionDto'];
export type Objection = Schemas['NominationObjectionDto'];
export type AwardForm = Schemas['AwardFormDto'];
export type AwardFormContent = Schemas['AwardFormContentDto'];
export type AwardFormVersion = Schemas['AwardFormVersionDto'];
export type Person = Schemas['PersonDto'];
export type Posting = Schemas['PostingDto'];

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
    queryFn: () => call(api.GET('/nominations', {})),
  });
}

export function useNomination(id: string) {
  return useQuery({
    queryKey: commendationKeys.nomination(id),
    queryFn: () => call(api.GET('/nominations/{id}', { params: { path: { id } } })),
  });
}

export function useApprovals() {
  return useQuery({
    queryKey: commendationKeys.approvals,
    queryFn: () => call(api.GET('/me/approvals')),
  });
}

export function useAwardForms() {
  return useQuery({
    queryKey: commendationKeys.awardForms,
    queryFn: () => call(api.GET('/award-forms')),
  });
}

/** Publishes the next version of an award form (a new code starts a new form at version 1). The
 * API validates the whole definition and names the first broken field. */
export function publishAwardForm(content: AwardFormContent): Promise<AwardFormVersion> {
  return call(api.POST('/award-forms', { body: content }));
}

export function usePeople(unitId: string | null | undefined) {
  return useQuery({
    queryKey: commendationKeys.people(unitId ?? ''),
    enabled: !!unitId,
    queryFn: () =>
      call(api.GET('/units/{unitId}/people', { params: { path: { unitId: unitId! } } })),
  });
}

export function usePostings() {
  return useQuery({
    queryKey: commendationKeys.postings,
    queryFn: () => call(api.GET('/public/postings')),
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
