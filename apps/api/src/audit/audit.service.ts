import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '@epw/data-access';
import type { AuditVerificationDto } from './dto/audit-verification.dto';

/** The append-only, hash-chained audit log. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditLogRepository) {}

  /** Recomputes the whole chain: an edited row breaks its hash, a missing one the link. */
  verify(): Promise<AuditVerificationDto> {
    return this.audit.verify();
  }
}
