import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DeadLettersService } from './dead-letters.service';
import { DeadLetterDto, DeadLetterRetriedDto } from './dto/dead-letter.dto';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';

/** Failed deliveries, parked after their last retry; an administrator can send them again. */
@AuthenticatedApi('admin')
@Roles('ADMIN')
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @ApiOperation({ summary: 'Gửi thất bại / Failed deliveries (dead-letter queue)' })
  @ApiOkResponse({ type: [DeadLetterDto] })
  list(): Promise<DeadLetterDto[]> {
    return this.deadLetters.list();
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Gửi lại / Retry a failed delivery' })
  @ApiAcceptedResponse({ type: DeadLetterRetriedDto })
  retry(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
  ): Promise<DeadLetterRetriedDto> {
    return this.deadLetters.retry(user, id);
  }
}
