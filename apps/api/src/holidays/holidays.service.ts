import { Injectable } from '@nestjs/common';
import { HolidayRepository } from '@epw/data-access';
import { isCalendarDate } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RequestValidationException } from '../common/request-validation.exception';
import type { HolidayDto } from './dto/holiday.dto';

/** A real calendar date YYYY-MM-DD, or the 400 that names the path parameter. */
function calendarDate(date: string): string {
  if (!isCalendarDate(date)) {
    throw new RequestValidationException([
      { field: 'date', rule: 'isCalendarDate', message: 'date must be a real date YYYY-MM-DD' },
    ]);
  }
  return date;
}

/** Public holidays: with weekends, the days working-day deadlines skip. */
@Injectable()
export class HolidaysService {
  constructor(private readonly holidays: HolidayRepository) {}

  list(): Promise<HolidayDto[]> {
    return this.holidays.list();
  }

  async put(user: AuthenticatedUser, date: string, name: string): Promise<HolidayDto> {
    await this.holidays.put(user.userId, { date: calendarDate(date), name });
    return { date, name };
  }

  async remove(user: AuthenticatedUser, date: string): Promise<void> {
    await this.holidays.remove(user.userId, calendarDate(date));
  }
}
