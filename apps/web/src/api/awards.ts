import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import type { components, operations } from './schema';

type Schemas = components['schemas'];
type QueryOf<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;

export type RecognitionReport = Schemas['RecognitionReportDto'];
export type AuthorityRef = Schemas['AuthorityRefDto'];
export type DecisionSummary = Schemas['DecisionSummaryDto'];
export type DecisionRecipient = Schemas['DecisionRecipientDto'];
export type DecisionDetail = Schemas['DecisionDetailDto'];
export type AwardRecord = Schemas['AwardRecordDto'];
export type RecognitionLevel = AwardRecord['level'];
export type RecipientKind = AwardRecord['recipientKind'];
export const LEVELS: RecognitionLevel[] = ['BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL'];

/** The filters of GET /awards (the page asks for JSON). */
export type AwardFilters = Omit<QueryOf<'AwardHistoryController_history'>, 'format'>;
/** The filters of GET /reports/recognitions (the page asks for JSON). */
export type ReportFilters = Omit<QueryOf<'RecognitionReportsController_report'>, 'format'>;

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
    queryFn: () =>
      call(api.GET('/decisions', { params: { query: ceremonyName ? { ceremonyName } : {} } })),
  });
}

/** A decision; while it is being issued, read again every 2 s until it is. */
export function useDecision(id: string, polling: boolean) {
  return useQuery({
    queryKey: awardKeys.decision(id),
    refetchInterval: (q) => (polling && q.state.data?.status !== 'ISSUED' ? 2_000 : false),
    queryFn: () => call(api.GET('/decisions/{id}', { params: { path: { id } } })),
  });
}

export function useAwards(filters: AwardFilters, enabled = true) {
  return useQuery({
    queryKey: awardKeys.awards(filters),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () => call(api.GET('/awards', { params: { query: { ...filters, format: 'json' } } })),
  });
}

export function useRecognitionReport(filters: ReportFilters) {
  return useQuery({
    queryKey: awardKeys.report(filters),
    placeholderData: keepPreviousData,
    queryFn: () =>
      call(api.GET('/reports/recognitions', { params: { query: { ...filters, format: 'json' } } })),
  });
}
