import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { HolidayDto, PutHolidayDto } from './dto/holiday.dto';
import { HolidaysService } from './holidays.service';

/** The holiday list behind working-day deadlines. */
@ApiTags('rules and calendar')
@ApiBearerAuth()
@Controller('holidays')
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Get()
  @ApiOperation({ summary: 'Ngày nghỉ lễ / Public holidays (not working days)' })
  @ApiOkResponse({ type: [HolidayDto] })
  list(): Promise<HolidayDto[]> {
    return this.holidays.list();
  }

  @Put(':date')
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
  @Roles('ADMIN')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentUser() user: AuthenticatedUser, @Param('date') date: string): Promise<void> {
    return this.holidays.remove(user, date);
  }
}
