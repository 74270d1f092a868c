import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { uuidParam } from '../common/uuid-param';
import {
  ComplianceDto,
  LateDecisionDto,
  LateRegistrationDto,
  RegistrationRecordDto,
  SubmitRegistrationDto,
} from './dto/registration.dto';
import { RegistrationsService } from './registrations.service';
import { ApiProblems, AuthenticatedApi } from '../common/openapi/api-problems.decorator';

@AuthenticatedApi('registration')
@Controller('cycles/:cycleId/registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Post()
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng ký thi đua / Register (or edit) before the deadline' })
  @ApiOkResponse({ type: ComplianceDto })
  submit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
    @Body() body: SubmitRegistrationDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.registrations.submit(user, cycleId, body, key);
  }

  @Post('late')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({ summary: 'Đề nghị đăng ký muộn / Ask the head to accept a late registration' })
  @ApiOkResponse({ type: ComplianceDto })
  late(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
    @Body() body: LateRegistrationDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.registrations.requestLate(user, cycleId, body, key);
  }

  @Post(':unitId/late-decision')
  @ApiProblems(409, 422)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cụm trưởng duyệt đăng ký muộn / The head approves or rejects a late registration',
  })
  @ApiOkResponse({ type: ComplianceDto })
  decide(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
    @Param('unitId', uuidParam('unitId')) unitId: string,
    @Body() body: LateDecisionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.registrations.decideLate(user, cycleId, unitId, body, key);
  }

  @Get('compliance')
  @ApiProblems([409, 'The cycle is not in this phase yet'])
  @ApiOperation({
    summary: 'Bảng theo dõi đăng ký / Compliance board: who registered, against the 100% target',
  })
  @ApiOkResponse({ type: ComplianceDto })
  compliance(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
  ) {
    return this.registrations.compliance(user, cycleId);
  }

  @Get()
  @ApiOperation({
    summary: 'Danh sách đăng ký và mô hình, giải pháp, công trình / Registrations with initiatives',
  })
  @ApiOkResponse({ type: [RegistrationRecordDto] })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('cycleId', uuidParam('cycleId')) cycleId: string,
  ): Promise<RegistrationRecordDto[]> {
    return this.registrations.list(user, cycleId);
  }
}
