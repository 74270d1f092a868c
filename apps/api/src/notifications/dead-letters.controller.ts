import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DeadLettersService } from './dead-letters.service';
import { DeadLetterDto, DeadLetterRetriedDto } from './dto/dead-letter.dto';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { ReadRoute } from '../common/route.decorators';

/** Failed deliveries, parked after their last retry; an administrator can send them again. */
@AuthenticatedApi('admin')
@Roles('ADMIN')
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @ReadRoute({
    summary: 'Gửi thất bại / Failed deliveries (dead-letter queue)',
    ok: [DeadLetterDto],
  })
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
