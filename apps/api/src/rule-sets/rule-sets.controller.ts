import { Body, Controller } from '@nestjs/common';
import type { RuleSetContent } from '@epw/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CreateRuleSetVersionDto, RuleSetContentDto, RuleSetDto } from './dto/rule-set.dto';
import { RuleSetsService } from './rule-sets.service';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { CreateRoute, ReadRoute } from '../common/route.decorators';

/** Rules are data: versioned rule sets (a running cycle keeps the version it started with). */
@AuthenticatedApi('rules and calendar')
@Controller('rule-sets')
export class RuleSetsController {
  constructor(private readonly ruleSets: RuleSetsService) {}

  @ReadRoute({
    path: 'default',
    summary: 'Bộ quy tắc mặc định / The built-in default rule set (a template)',
    ok: RuleSetContentDto,
  })
  defaultRuleSet(): RuleSetContent {
    return this.ruleSets.defaultRuleSet();
  }

  @ReadRoute({ summary: 'Bộ quy tắc / Rule sets, every version', ok: [RuleSetDto] })
  list(): Promise<RuleSetDto[]> {
    return this.ruleSets.list();
  }

  @CreateRoute({
    summary: 'Thêm phiên bản bộ quy tắc / Add the next version of a rule set (admin)',
    created: RuleSetDto,
  })
  @Roles('ADMIN')
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateRuleSetVersionDto,
  ): Promise<RuleSetDto> {
    return this.ruleSets.createVersion(user, body);
  }
}
