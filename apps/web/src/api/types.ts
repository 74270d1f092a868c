import type { components } from './schema';

type Schemas = components['schemas'];

/** A step's status view once the step has opened (the pages read `null` before that). */
export type Opened<T extends { opened: boolean; deadlineAt: string | null }> = Omit<
  T,
  'opened' | 'deadlineAt'
> & { opened: true; deadlineAt: string };

export type Me = Schemas['MeDto'];
export type Cycle = Schemas['CycleDto'];
export type CyclePage = Schemas['CyclePageDto'];
export type CreateCycle = Schemas['CreateCycleDto'];
export type CycleRun = Schemas['CycleRunDto'];
export type Phase = Schemas['PhaseDto'];
export type PhaseCode = Phase['phase'];
export type SigningStatus = Schemas['SigningStatusDto'];
export type UnitSigning = Schemas['UnitSigningDto'];
export type Signature = Schemas['SignatureDto'];
export type Compliance = Opened<Schemas['ComplianceDto']>;
export type ComplianceUnit = Schemas['ComplianceUnitDto'];
export type Initiative = Schemas['InitiativeDto'];
export type Attachment = Schemas['AttachmentDto'];
export type RegistrationRecord = Schemas['RegistrationRecordDto'];
export type AssessmentStatus = Opened<Schemas['AssessmentStatusDto']>;
export type PeerSheet = Schemas['PeerSheetDto'];
export type BallotBox = Opened<Schemas['BallotBoxDto']>;
export type RankingRow = Schemas['RankingRowDto'];
export type CycleOutcome = Schemas['CycleOutcomeDto'];
export type DivergentSheet = Schemas['DivergentSheetDto'];
export type VoteTally = Schemas['VoteTallyDto'];
export type VoteResultRow = Schemas['VoteResultRowDto'];
export type ElectionOutcome = Schemas['ElectionOutcomeDto'];
export type RuleSet = Schemas['RuleSetDto'];
export type RuleSetContent = Schemas['RuleSetContentDto'];
export type Criterion = Schemas['CriterionDto'];
export type Holiday = Schemas['HolidayDto'];
export type Schedule = Schemas['ScheduleDto'];
export type ScheduleRecord = Schemas['ScheduleRecordDto'];
export type Notification = Schemas['NotificationDto'];
export type NotificationPage = Schemas['NotificationPageDto'];
export type NotificationPreference = Schemas['NotificationPreferenceDto'];
export type Channel = NotificationPreference['channels'][number];
export type DeadLetter = Schemas['DeadLetterDto'];
export type AuditVerification = Schemas['AuditVerificationDto'];

/** The members of a cycle's cluster, as every status view names them. */
export type Member = Pick<UnitSigning, 'unitId' | 'unitCode' | 'unitName'>;
export type ImportResult = Schemas['ImportResultDto'];
/** An apply refused (422): problem+json carrying the rows' errors. */
export type ImportRefused = ImportResult & Schemas['ProblemDetailsDto'];
export type ModelDetail = Schemas['ModelDetailDto'];
