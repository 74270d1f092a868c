import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import type { components } from './schema';

/* The organisation tree (GET /organisations/{id}/tree) and proposal lists (tờ trình, /proposals). */

type Schemas = components['schemas'];

export type OrganisationTree = Schemas['OrganisationTreeDto'];
export type OrganisationNode = Schemas['OrganisationTreeNodeDto'];
export type OrganisationRef = Schemas['OrganisationRefDto'];
export type OrgKind = NonNullable<OrganisationNode['orgKind']>;
export type ProposalSummary = Schemas['ProposalSummaryDto'];
export type ProposalDetail = Schemas['ProposalDetailDto'];
export type ProposalNominee = Schemas['ProposalNomineeDto'];
export type AwardPeriod = Schemas['AwardPeriodDto'];
export type PeriodKind = AwardPeriod['kind'];

export const ORG_KINDS: OrgKind[] = [
  'PARTY_COMMITTEE',
  'PARTY_BOARD',
  'PARTY_CELL',
  'PEOPLES_COMMITTEE',
  'STATE_AGENCY',
  'MASS_ORGANISATION',
  'ENTERPRISE',
];
export const PERIOD_KINDS: PeriodKind[] = ['YEAR', 'QUARTER', 'PHASE'];

export const organisationKeys = {
  tree: (id: string) => ['organisations', id, 'tree'] as const,
  proposals: ['proposals'] as const,
  proposal: (id: string) => ['proposals', id] as const,
};

/** An organisation with everything beneath it and the organisations above it. */
export function useOrganisationTree(id: string | null | undefined) {
  return useQuery({
    queryKey: organisationKeys.tree(id ?? ''),
    enabled: !!id,
    queryFn: () => call(api.GET('/organisations/{id}/tree', { params: { path: { id: id! } } })),
  });
}

export function useProposals(enabled = true) {
  return useQuery({
    queryKey: organisationKeys.proposals,
    enabled,
    queryFn: () => call(api.GET('/proposals')),
  });
}

export function useProposal(id: string | null) {
  return useQuery({
    queryKey: organisationKeys.proposal(id ?? ''),
    enabled: !!id,
    queryFn: () => call(api.GET('/proposals/{id}', { params: { path: { id: id! } } })),
  });
}

/** A tree's organisations in depth-first order, each with its depth below the root. */
export function flattenTree(
  root: OrganisationNode,
  depth = 0,
): { node: OrganisationNode; depth: number }[] {
  return [
    { node: root, depth },
    ...root.children.flatMap((child) => flattenTree(child, depth + 1)),
  ];
}
