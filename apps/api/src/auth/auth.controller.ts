import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AllowWithoutSecondFactor, CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';
import { AccessTokenDto, LoginDto, MeDto, RefreshTokenDto } from './dto/login.dto';
import {
  SecondFactorChallengeDto,
  SecondFactorCodeDto,
  SecondFactorLoginDto,
  StepUpDto,
} from './second-factor/dto/second-factor.dto';
import { SecondFactorService } from './second-factor/second-factor.service';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { ActionRoute, ReadRoute } from '../common/route.decorators';

@ApiTags('auth')
@ApiExtraModels(AccessTokenDto, SecondFactorChallengeDto)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Đăng nhập / Log in with username and password (failed attempts are limited per user and address); an account with a second factor gets a challenge for POST /auth/login/second-factor instead of tokens',
  })
  @ApiOkResponse({
    description: 'The tokens, or (an account with a second factor) a challenge',
    schema: {
      type: 'object',
      oneOf: [
        { $ref: getSchemaPath(AccessTokenDto) },
        { $ref: getSchemaPath(SecondFactorChallengeDto) },
      ],
    },
  })
  @ApiProblems([401, 'INVALID_CREDENTIALS'], 429)
  login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
  ): Promise<AccessTokenDto | SecondFactorChallengeDto> {
    return this.auth.login(body.username, body.password, request.ip);
  }

  @ActionRoute({
    path: 'login/second-factor',
    summary:
      'Đăng nhập bước 2 / The code of the authenticator app (or a recovery code) for the challenge of POST /auth/login; each code works once; failures are limited per account',
    ok: AccessTokenDto,
    problems: [
      [
        401,
        'SECOND_FACTOR_CODE_INVALID (wrong or already used code) or SECOND_FACTOR_CHALLENGE_INVALID (expired: log in again)',
      ],
      429,
    ],
  })
  @Public()
  loginWithSecondFactor(
    @Body() body: SecondFactorLoginDto,
    @Req() request: FastifyRequest,
  ): Promise<AccessTokenDto> {
    return this.auth.loginWithSecondFactor(body.challenge, body.code, request.ip);
  }

  @ActionRoute({
    path: 'step-up',
    summary:
      'Xác thực lại / A code again before signing, voting or issuing: a new access token that records the check (the refresh token stays)',
    ok: StepUpDto,
    problems: [
      [401, 'SECOND_FACTOR_CODE_INVALID, or UNAUTHENTICATED'],
      [403, 'SECOND_FACTOR_REQUIRED: the account must enrol first'],
      [409, 'SECOND_FACTOR_NOT_ENROLLED'],
      429,
    ],
  })
  @ApiBearerAuth()
  stepUp(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: SecondFactorCodeDto,
    @Req() request: FastifyRequest,
  ): Promise<StepUpDto> {
    return this.secondFactor.stepUp(user, body.code, request.ip);
  }

  @ActionRoute({
    path: 'refresh',
    summary:
      'Làm mới phiên / Exchange a refresh token for a new pair (single use; reusing one revokes the login)',
    ok: AccessTokenDto,
    problems: [[401, 'REFRESH_TOKEN_INVALID or REFRESH_TOKEN_REUSED (the whole login is revoked)']],
  })
  @Public()
  refresh(@Body() body: RefreshTokenDto): Promise<AccessTokenDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Đăng xuất / Revoke the refresh token (and its whole login)' })
  @ApiNoContentResponse()
  logout(@Body() body: RefreshTokenDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }

  @ReadRoute({
    path: 'me',
    summary: 'Tài khoản đang đăng nhập / The signed-in user, their unit and roles',
    ok: MeDto,
    problems: [401],
  })
  @AllowWithoutSecondFactor()
  @ApiBearerAuth()
  me(@CurrentUser() user: AuthenticatedUser): Promise<MeDto> {
    return this.auth.me(user.userId);
  }
}
