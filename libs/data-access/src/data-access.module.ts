import { Global, Module } from '@nestjs/common';
import { AuditLogRepository } from './audit/audit-log.repository';
import { PrismaService } from './prisma.service';
import { CycleRepository } from './repositories/cycle.repository';
import { CyclePlanner } from './repositories/cycle-planner';
import { CycleRecordsRepository } from './repositories/cycle-records.repository';
import { NominationRecordsRepository } from './repositories/nomination-records.repository';
import { RefreshTokenRepository } from './repositories/refresh-token.repository';
import { ReminderRepository } from './repositories/reminder.repository';
import { SigningRoundRepository } from './repositories/signing-round.repository';
import { UserRepository } from './repositories/user.repository';
import { AwardRepository } from './repositories/award.repository';
import { AwardHistoryRepository } from './repositories/award-history.repository';
import { DecisionRepository } from './repositories/decision.repository';
import { RecognitionReportRepository } from './repositories/recognition-report.repository';

import { ClusterRepository } from './repositories/cluster.repository';
import { CycleScheduleRepository } from './repositories/cycle-schedule.repository';
import { DatabaseHealthRepository } from './repositories/database-health.repository';
import { HolidayRepository } from './repositories/holiday.repository';
import { NotificationInboxRepository } from './repositories/notification-inbox.repository';
import { RuleSetRepository } from './repositories/rule-set.repository';
import { UnitRepository } from './repositories/unit.repository';
import { AwardFormRepository } from './repositories/award-form.repository';
import { NominationRepository } from './repositories/nomination.repository';
import { NominationSubmissionRepository } from './repositories/nomination-submission.repository';
import { PersonRepository } from './repositories/person.repository';
import { ImportRepository } from './repositories/import.repository';
import { OrganisationTreeRepository } from './repositories/organisation-tree.repository';
import { DocumentSourcesRepository } from './repositories/document-sources.repository';
import { ModelRepository } from './repositories/model.repository';
import { ProposalRepository } from './repositories/proposal.repository';
import { ReadScopeRepository } from './repositories/read-scope.repository';
import { SecondFactorRepository } from './repositories/second-factor.repository';
import { SignedCopyRepository } from './repositories/signed-copy.repository';
import { PublicObjectorRepository } from './repositories/public-objector.repository';
import { TasksRepository } from './repositories/tasks.repository';
import { TasksAudienceRepository } from './repositories/tasks-audience.repository';
import { CouncilVoteRepository } from './repositories/council-vote.repository';
import { EventNotificationRepository } from './repositories/event-notification.repository';
const providers = [
  PrismaService,
  AuditLogRepository,
  UserRepository,
  RefreshTokenRepository,
  CycleRepository,
  SigningRoundRepository,
  CycleRecordsRepository,
  CyclePlanner,
  ReminderRepository,
  NominationRecordsRepository,
  DecisionRepository,
  AwardRepository,
  AwardHistoryRepository,
  RecognitionReportRepository,
  RuleSetRepository,
  HolidayRepository,
  CycleScheduleRepository,
  NotificationInboxRepository,
  ClusterRepository,
  UnitRepository,
  DatabaseHealthRepository,
  NominationRepository,
  NominationSubmissionRepository,
  AwardFormRepository,
  PersonRepository,
  OrganisationTreeRepository,
  DocumentSourcesRepository,
  ImportRepository,
  ModelRepository,
  ProposalRepository,
  ReadScopeRepository,
  SecondFactorRepository,
  SignedCopyRepository,
  PublicObjectorRepository,
  TasksRepository,
  TasksAudienceRepository,
  CouncilVoteRepository,
  EventNotificationRepository,
];

@Global()
@Module({ providers, exports: providers })
export class DataAccessModule {}
