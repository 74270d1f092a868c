import { Controller } from '@nestjs/common';
import { Roles } from '../auth/auth.decorators';
import { AuditService } from './audit.service';
import { AuditVerificationDto } from './dto/audit-verification.dto';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { ReadRoute } from '../common/route.decorators';

@AuthenticatedApi('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @ReadRoute({
    path: 'verify',
    summary: 'Kiểm tra chuỗi băm nhật ký / Verify the audit hash chain (admin)',
    ok: AuditVerificationDto,
  })
  @Roles('ADMIN')
  verify(): Promise<AuditVerificationDto> {
    return this.audit.verify();
  }
}
