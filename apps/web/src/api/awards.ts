import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import type { components } from './schema';

/* Decisions and awards answer without a response schema in the OpenAPI document: their shapes are
 * typed here, from apps/api/src/commendation/{decisions,awards}.service.ts. The report has one. */

export type RecognitionReport = components['schemas']['RecognitionReportDto'];
export type RecognitionLevel = 'BASE' | 'BLOC' | 'DISTRICT' | 'PROVINCE' | 'CENTRAL';
export type RecipientKind = 'UNIT' | 'PERSON' | 'INITIATIVE';
export const LEVELS: RecognitionLevel[] = ['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'];

export interface AuthorityRef {
  id: string;
  code: string;
  name: string;
}

export interface DecisionSummary {
  id: string;
  number: string;
  signedOn: string;
  title: string;
  authority: AuthorityRef | null;
  ceremonyName: string | null;
  ceremonyOn: string | null;
  status: 'DRAFT' | 'ISSUED';
  nominations: number;
  awards: number;
}

export interface DecisionRecipient {
  nominationId: string;
  nomineeName: string;
  nomineeKind: RecipientKind;
  formName: string;
  status: string;
  award: { id: string; serial: string; verificationCode: string; revoked: boolean } | null;
}

export interface DecisionDetail extends Omit<DecisionSummary, 'nominations' | 'awards'> {
  signerName: string | null;
  signerTitle: string;
  issuedAt: string | null;
  recipients: DecisionRecipient[];
}

export interface AwardRecord {
  id: string;
  source: 'DECISION' | 'HISTORY';
  year: number;
  formCode: string;
  formName: string;
  level: RecognitionLevel;
  recipientKind: RecipientKind;
  recipientName: string;
  recipientId: string | null;
  unitId: string;
  unitName: string | null;
  unitCode: string | null;
  authorityUnitId: string | null;
  authorityName: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  serial: string | null;
  verificationCode: string | null;
  status: 'VALID' | 'REVOKED';
  revokedReason: string | null;
  recoveredAt: string | null;
}

export interface AwardFilters {
  year?: number;
  unitId?: string;
  personId?: string;
  initiativeId?: string;
  formCode?: string;
  recipientKind?: RecipientKind;
}

export interface ReportFilters {
  yearFrom?: number;
  yearTo?: number;
  level?: RecognitionLevel;
  recipientKind?: RecipientKind;
}

export const awardKeys = {
  decisions: (ceremonyName: string | null) => ['decisions', ceremonyName ?? ''] as const,
  allDecisions: ['decisions'] as const,
  decision: (id: string) => ['decision', id] as const,
  awards: (filters: AwardFilters) => ['awards', filters] as const,
  allAwards: ['awards'] as const,
  report: (filters: ReportFilters) => ['reports', 'recognitions', filters] as const,
};

/** `?a=1&b=x` from the filters that are set (empty values are left out). */
export function queryString(params: object): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params) as [string, unknown][]) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      if (v !== '') q.set(k, String(v));
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function useDecisions(ceremonyName: string | null) {
  return useQuery({
    queryKey: awardKeys.decisions(ceremonyName),
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (await call(
        api.GET('/decisions', {
          params: { query: ceremonyName ? { ceremonyName } : {} },
        }),
      )) as unknown as DecisionSummary[],
  });
}

/** A decision; while it is being issued, read again every 2 s until it is. */
export function useDecision(id: string, polling: boolean) {
  return useQuery({
    queryKey: awardKeys.decision(id),
    refetchInterval: (q) => (polling && q.state.data?.status !== 'ISSUED' ? 2_000 : false),
    queryFn: async () =>
      (await call(
        api.GET('/decisions/{id}', { params: { path: { id } } }),
      )) as unknown as DecisionDetail,
  });
}

export function useAwards(filters: AwardFilters, enabled = true) {
  return useQuery({
    queryKey: awardKeys.awards(filters),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (await call(
        api.GET('/awards', { params: { query: { ...filters, format: 'json' } } }),
      )) as unknown as AwardRecord[],
  });
}

export function useRecognitionReport(filters: ReportFilters) {
  return useQuery({
    queryKey: awardKeys.report(filters),
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (await call(
        api.GET('/reports/recognitions', { params: { query: { ...filters, format: 'json' } } }),
      )) as RecognitionReport,
  });
}
