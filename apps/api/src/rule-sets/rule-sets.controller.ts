import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PrismaService, type Prisma } from '@epw/data-access';
import {
  DEFAULT_RULE_SET,
  DomainErrorCode,
  DomainException,
  isCalendarDate,
  validateRuleSet,
  type RuleSetContent,
} from '@epw/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RequestValidationException } from '../common/request-validation.exception';
import { CreateRuleSetVersionDto, HolidayDto, PutHolidayDto, RuleSetDto } from './dto/rule-set.dto';

const toDto = (r: {
  id: string;
  code: string;
  version: number;
  name: string;
  content: unknown;
  createdAt: Date;
}): RuleSetDto => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
});

function dateParam(date: string): Date {
  if (!isCalendarDate(date)) {
    throw new RequestValidationException([
      { field: 'date', rule: 'isCalendarDate', message: 'date must be a real date YYYY-MM-DD' },
    ]);
  }
  return new Date(`${date}T00:00:00Z`);
}

/** Rules are data: versioned rule sets (a running cycle keeps the version it started with) and the
 * holiday list behind working-day deadlines. */
@ApiTags('rules and calendar')
@ApiBearerAuth()
@Controller()
export class RuleSetsController {
  constructor(private readonly prisma: PrismaService) {}

  @Get('rule-sets/default')
  @ApiOperation({ summary: 'Bộ quy tắc mặc định / The built-in default rule set (a template)' })
  defaultRuleSet(): RuleSetContent {
    return DEFAULT_RULE_SET;
  }

  @Get('rule-sets')
  @ApiOkResponse({ type: [RuleSetDto] })
  async list(): Promise<RuleSetDto[]> {
    return (
      await this.prisma.ruleSet.findMany({ orderBy: [{ code: 'asc' }, { version: 'desc' }] })
    ).map(toDto);
  }

  @Post('rule-sets')
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Thêm phiên bản bộ quy tắc / Add the next version of a rule set (admin)',
  })
  @ApiOkResponse({ type: RuleSetDto })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateRuleSetVersionDto,
  ): Promise<RuleSetDto> {
    const problems = validateRuleSet(body.content as unknown as RuleSetContent);
    if (problems.length > 0)
      throw new DomainException(DomainErrorCode.RuleSetInvalid, { problems: problems.join('; ') });
    const row = await this.prisma.$transaction(async (tx) => {
      const last = await tx.ruleSet.findFirst({
        where: { code: body.code },
        orderBy: { version: 'desc' },
      });
      return tx.ruleSet.create({
        data: {
          code: body.code,
          version: (last?.version ?? 0) + 1,
          name: body.name,
          content: body.content as Prisma.InputJsonValue,
          createdById: user.userId,
        },
      });
    });
    return toDto(row);
  }

  @Get('holidays')
  @ApiOperation({ summary: 'Ngày nghỉ lễ / Public holidays (not working days)' })
  @ApiOkResponse({ type: [HolidayDto] })
  async holidays(): Promise<HolidayDto[]> {
    return (await this.prisma.holiday.findMany({ orderBy: { date: 'asc' } })).map((h) => ({
      date: h.date.toISOString().slice(0, 10),
      name: h.name,
    }));
  }

  @Put('holidays/:date')
  @Roles('ADMIN')
  @ApiOkResponse({ type: HolidayDto })
  async putHoliday(@Param('date') date: string, @Body() body: PutHolidayDto): Promise<HolidayDto> {
    const day = dateParam(date);
    await this.prisma.holiday.upsert({
      where: { date: day },
      create: { date: day, name: body.name },
      update: { name: body.name },
    });
    return { date, name: body.name };
  }

  @Delete('holidays/:date')
  @Roles('ADMIN')
  @HttpCode(204)
  async deleteHoliday(@Param('date') date: string): Promise<void> {
    await this.prisma.holiday.delete({ where: { date: dateParam(date) } });
  }
}
