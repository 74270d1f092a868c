import { Injectable } from '@nestjs/common';
import { RuleSetRepository, type RuleSetRecord } from '@epw/data-access';
import {
  DEFAULT_RULE_SET,
  DomainErrorCode,
  DomainException,
  validateRuleSet,
  type RuleSetContent,
} from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { CreateRuleSetVersionDto, RuleSetDto } from './dto/rule-set.dto';

const toDto = (r: RuleSetRecord): RuleSetDto => ({ ...r, createdAt: r.createdAt.toISOString() });

/** Versioned rule sets: a new version never changes a running cycle, which keeps its own. */
@Injectable()
export class RuleSetsService {
  constructor(private readonly ruleSets: RuleSetRepository) {}

  defaultRuleSet(): RuleSetContent {
    return DEFAULT_RULE_SET;
  }

  async list(): Promise<RuleSetDto[]> {
    return (await this.ruleSets.list()).map(toDto);
  }

  /** Publishes the next version of the rule set `dto.code`, once its content is valid. */
  async createVersion(user: AuthenticatedUser, dto: CreateRuleSetVersionDto): Promise<RuleSetDto> {
    const problems = validateRuleSet(dto.content as unknown as RuleSetContent);
    if (problems.length > 0)
      throw new DomainException(DomainErrorCode.RuleSetInvalid, { problems: problems.join('; ') });
    return toDto(
      await this.ruleSets.createVersion(user.userId, {
        code: dto.code,
        name: dto.name,
        content: dto.content,
      }),
    );
  }
}
