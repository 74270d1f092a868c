import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblems, AuthenticatedApi } from '../../common/openapi/api-problems.decorator';
import { AllowWithoutSecondFactor, CurrentUser } from '../auth.decorators';
import type { AuthenticatedUser } from '../authenticated-user';
import {
  SecondFactorCodeDto,
  SecondFactorEnabledDto,
  SecondFactorEnrolmentDto,
  SecondFactorStatusDto,
} from './dto/second-factor.dto';
import { SecondFactorService } from './second-factor.service';
import { ActionRoute, CreateRoute, ReadRoute } from '../../common/route.decorators';

/** The signed-in user's own second factor: reachable before it is on, even where it is required. */
@AuthenticatedApi('auth')
@AllowWithoutSecondFactor()
@Controller('auth/second-factor')
export class SecondFactorController {
  constructor(private readonly secondFactor: SecondFactorService) {}

  @ReadRoute({
    summary:
      'Xác thực hai lớp của tôi / My second factor: on or not, required or not, recovery codes left',
    ok: SecondFactorStatusDto,
  })
  status(@CurrentUser() user: AuthenticatedUser): Promise<SecondFactorStatusDto> {
    return this.secondFactor.status(user);
  }

  @CreateRoute({
    path: 'enrolment',
    summary:
      'Thiết lập xác thực hai lớp / Start a TOTP enrolment: the secret, its otpauth URI and QR code (an earlier unconfirmed one is replaced)',
    created: SecondFactorEnrolmentDto,
    problems: [[409, 'SECOND_FACTOR_ALREADY_ENABLED']],
  })
  start(@CurrentUser() user: AuthenticatedUser): Promise<SecondFactorEnrolmentDto> {
    return this.secondFactor.startEnrolment(user);
  }

  @ActionRoute({
    path: 'enrolment/confirm',
    summary:
      'Xác nhận thiết lập / The first code turns it on: ten one-time recovery codes, shown only now, and an access token that records the check',
    ok: SecondFactorEnabledDto,
    problems: [
      [401, 'SECOND_FACTOR_CODE_INVALID'],
      [409, 'SECOND_FACTOR_NOT_ENROLLED or SECOND_FACTOR_ALREADY_ENABLED'],
      429,
    ],
  })
  confirm(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: SecondFactorCodeDto,
    @Req() request: FastifyRequest,
  ): Promise<SecondFactorEnabledDto> {
    return this.secondFactor.confirmEnrolment(user, body.code, request.ip);
  }

  @Post('disable')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Tắt xác thực hai lớp / Turn it off with a code (or a recovery code); not for accounts whose roles require it',
  })
  @ApiNoContentResponse()
  @ApiProblems(
    [401, 'SECOND_FACTOR_CODE_INVALID'],
    [403, 'FORBIDDEN: the account’s roles require a second factor'],
    [409, 'SECOND_FACTOR_NOT_ENROLLED'],
    429,
  )
  disable(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: SecondFactorCodeDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.secondFactor.disable(user, body.code, request.ip);
  }
}
