import { Body, Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { HolidayDto, PutHolidayDto } from './dto/holiday.dto';
import { HolidaysService } from './holidays.service';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { ReadRoute } from '../common/route.decorators';

/** The holiday list behind working-day deadlines. */
/** A real calendar date (holidays.service.ts refuses any other with 400). */
const DATE_PARAM = { name: 'date', schema: { type: 'string', format: 'date' } } as const;

@AuthenticatedApi('rules and calendar')
@Controller('holidays')
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @ReadRoute({ summary: 'Ngày nghỉ lễ / Public holidays (not working days)', ok: [HolidayDto] })
  list(): Promise<HolidayDto[]> {
    return this.holidays.list();
  }

  @Put(':date')
  @ApiOperation({
    summary: 'Thêm, sửa ngày nghỉ lễ / Add or rename a public holiday (administrators)',
  })
  @ApiParam(DATE_PARAM)
  @Roles('ADMIN')
  @ApiOkResponse({ type: HolidayDto })
  put(
    @CurrentUser() user: AuthenticatedUser,
    @Param('date') date: string,
    @Body() body: PutHolidayDto,
  ): Promise<HolidayDto> {
    return this.holidays.put(user, date, body.name);
  }

  @Delete(':date')
  @ApiOperation({ summary: 'Xoá ngày nghỉ lễ / Remove a public holiday (administrators)' })
  @ApiParam(DATE_PARAM)
  @Roles('ADMIN')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentUser() user: AuthenticatedUser, @Param('date') date: string): Promise<void> {
    return this.holidays.remove(user, date);
  }
}
