import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { RuleSetContent } from '@epw/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CreateRuleSetVersionDto, RuleSetContentDto, RuleSetDto } from './dto/rule-set.dto';
import { RuleSetsService } from './rule-sets.service';
import { ApiProblems, AuthenticatedApi } from '../common/openapi/api-problems.decorator';

/** Rules are data: versioned rule sets (a running cycle keeps the version it started with). */
@AuthenticatedApi('rules and calendar')
@Controller('rule-sets')
export class RuleSetsController {
  constructor(private readonly ruleSets: RuleSetsService) {}

  @Get('default')
  @ApiOperation({ summary: 'Bộ quy tắc mặc định / The built-in default rule set (a template)' })
  @ApiOkResponse({ type: RuleSetContentDto })
  defaultRuleSet(): RuleSetContent {
    return this.ruleSets.defaultRuleSet();
  }

  @Get()
  @ApiOperation({ summary: 'Bộ quy tắc / Rule sets, every version' })
  @ApiOkResponse({ type: [RuleSetDto] })
  list(): Promise<RuleSetDto[]> {
    return this.ruleSets.list();
  }

  @Post()
  @ApiProblems(409, 422)
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Thêm phiên bản bộ quy tắc / Add the next version of a rule set (admin)',
  })
  @ApiCreatedResponse({ type: RuleSetDto })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateRuleSetVersionDto,
  ): Promise<RuleSetDto> {
    return this.ruleSets.createVersion(user, body);
  }
}
