import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { AuditService } from './audit.service';
import { AuditVerificationDto } from './dto/audit-verification.dto';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';

@AuthenticatedApi('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Kiểm tra chuỗi băm nhật ký / Verify the audit hash chain (admin)' })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(): Promise<AuditVerificationDto> {
    return this.audit.verify();
  }
}
