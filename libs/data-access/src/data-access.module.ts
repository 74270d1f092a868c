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
];

@Global()
@Module({ providers, exports: providers })
export class DataAccessModule {}
