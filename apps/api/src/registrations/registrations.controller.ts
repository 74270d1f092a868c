import { Body, Controller } from '@nestjs/common';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  ComplianceDto,
  LateDecisionDto,
  LateRegistrationDto,
  RegistrationRecordDto,
  SubmitRegistrationDto,
} from './dto/registration.dto';
import { RegistrationsService } from './registrations.service';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { ActionRoute, IdempotencyKey, ReadRoute, UuidParam } from '../common/route.decorators';

@AuthenticatedApi('registration')
@Controller('cycles/:cycleId/registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @ActionRoute({
    summary: 'Đăng ký thi đua / Register (or edit) before the deadline',
    ok: ComplianceDto,
  })
  submit(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
    @Body() body: SubmitRegistrationDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.registrations.submit(user, cycleId, body, key);
  }

  @ActionRoute({
    path: 'late',
    summary: 'Đề nghị đăng ký muộn / Ask the head to accept a late registration',
    ok: ComplianceDto,
  })
  late(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
    @Body() body: LateRegistrationDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.registrations.requestLate(user, cycleId, body, key);
  }

  @ActionRoute({
    path: ':unitId/late-decision',
    summary: 'Cụm trưởng duyệt đăng ký muộn / The head approves or rejects a late registration',
    ok: ComplianceDto,
  })
  decide(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
    @UuidParam('unitId') unitId: string,
    @Body() body: LateDecisionDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.registrations.decideLate(user, cycleId, unitId, body, key);
  }

  @ReadRoute({
    path: 'compliance',
    summary: 'Bảng theo dõi đăng ký / Compliance board: who registered, against the 100% target',
    ok: ComplianceDto,
  })
  compliance(@CurrentUser() user: AuthenticatedUser, @UuidParam('cycleId') cycleId: string) {
    return this.registrations.compliance(user, cycleId);
  }

  @ReadRoute({
    summary: 'Danh sách đăng ký và mô hình, giải pháp, công trình / Registrations with initiatives',
    ok: [RegistrationRecordDto],
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('cycleId') cycleId: string,
  ): Promise<RegistrationRecordDto[]> {
    return this.registrations.list(user, cycleId);
  }
}
