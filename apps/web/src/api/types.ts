import type { components } from './schema';

type Schemas = components['schemas'];

export type Me = Schemas['MeDto'];
export type Cycle = Schemas['CycleDto'];
export type CyclePage = Schemas['CyclePageDto'];
export type CreateCycle = Schemas['CreateCycleDto'];
export type CycleRun = Schemas['CycleRunDto'];
export type Phase = Schemas['PhaseDto'];
export type SigningStatus = Schemas['SigningStatusDto'];
export type UnitSigning = Schemas['UnitSigningDto'];
export type Signature = Schemas['SignatureDto'];
export type Compliance = Schemas['ComplianceDto'];
export type ComplianceUnit = Schemas['ComplianceUnitDto'];
export type Initiative = Schemas['InitiativeDto'];
export type Attachment = Schemas['AttachmentDto'];
export type BallotBox = Schemas['BallotBoxDto'];
export type RankingRow = Schemas['RankingRowDto'];
export type RuleSet = Schemas['RuleSetDto'];
export type Holiday = Schemas['HolidayDto'];
export type Schedule = Schemas['ScheduleDto'];
export type Notification = Schemas['NotificationDto'];
export type NotificationPage = Schemas['NotificationPageDto'];
export type Channel = Schemas['NotificationPreferenceDto']['channels'][number];

/* Properties the OpenAPI document types as objects because their @ApiProperty has no `type`
 * (strings and score maps); the request bodies are cast once, here. */

export interface NotificationPreference {
  channels: Channel[];
  webhookUrl: string | null;
  quietFrom: string | null;
  quietTo: string | null;
}

export function asPreferenceBody(p: NotificationPreference): Schemas['NotificationPreferenceDto'] {
  return p as unknown as Schemas['NotificationPreferenceDto'];
}

/** Points per criterion code. */
export function asScoresBody(
  scores: Record<string, number>,
): Schemas['SelfAssessmentDto']['scores'] {
  return scores as unknown as Schemas['SelfAssessmentDto']['scores'];
}

/* Shapes the OpenAPI document leaves open (`type: object` or no response schema); written here
 * from the API's controllers and the domain types they return. */

export interface PeerSheet {
  assessorUnitId: string;
  subjectUnitId: string;
  total: number;
}

export interface DivergentSheet extends PeerSheet {
  othersMedian: number;
  deviation: number;
}

export type AssessmentStatus = Omit<
  Schemas['AssessmentStatusDto'],
  'assignment' | 'conflicts' | 'peerSubmitted'
> & {
  /** subjectUnitId → assessor unit ids */
  assignment: Record<string, string[]>;
  conflicts: { assessorUnitId: string; subjectUnitId: string; reason: string }[];
  peerSubmitted: PeerSheet[];
};

export interface VoteResultRow {
  candidateUnitId: string;
  votes: number;
  share: number;
  passed: boolean;
}

export interface VoteTally {
  eligibleCount: number;
  ballotsCast: number;
  writtenBallots: number;
  results: VoteResultRow[];
  acclaimed: string[];
}

export interface ElectionOutcome {
  tally: {
    headUnitId: string;
    deputyUnitId: string;
    headVotes: Record<string, number>;
    deputyVotes: Record<string, number>;
    ballotsCast: number;
  } | null;
  headUnitId: string;
  deputyUnitId: string | null;
  carriedOver: boolean;
}

export type CycleOutcome = Omit<Schemas['CycleOutcomeDto'], 'vote' | 'election' | 'divergent'> & {
  vote: VoteTally | null;
  election: ElectionOutcome | null;
  divergent: DivergentSheet[];
};

/** GET /cycles/{cycleId}/registrations (no response schema in the document). */
export interface RegistrationRecord {
  unitId: string;
  unitCode: string;
  unitName: string;
  status: string;
  late: boolean;
  lateReason: string | null;
  titles: string[];
  revision: number;
  submittedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  initiatives: (Omit<Initiative, 'attachments'> & { attachments: Attachment[] | null })[];
}

/** GET /admin/dead-letters (no response schema in the document). */
export interface DeadLetter {
  id: string;
  queue?: string;
  error?: string;
  failedAt?: string;
  data?: unknown;
  [key: string]: unknown;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  brokenAtId: string | null;
  reason: string | null;
}

/** The members of a cycle's cluster, as every status view names them. */
export interface Member {
  unitId: string;
  unitCode: string;
  unitName: string;
}

export type PhaseCode =
  | 'PLEDGE_SIGNING'
  | 'REGISTRATION'
  | 'INTERIM_REVIEW'
  | 'FINAL_REVIEW'
  | 'VOTE'
  | 'NOMINATION'
  | 'COMMENDATION'
  | 'ELECTION';
