import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AuditLogRepository } from '@epw/data-access';
import { Roles } from '../auth/auth.decorators';

class AuditVerificationDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty() checked!: number;
  @ApiProperty({ nullable: true, type: String }) brokenAtId!: string | null;
  @ApiProperty({ nullable: true, enum: ['edited', 'missing-or-reordered'] }) reason!: string | null;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditLogRepository) {}

  @Get('verify')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Kiểm tra chuỗi băm nhật ký / Verify the audit hash chain (admin)' })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(): Promise<AuditVerificationDto> {
    return this.audit.verify();
  }
}
