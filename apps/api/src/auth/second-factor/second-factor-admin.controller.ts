import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import { AuthenticatedApi } from '../../common/openapi/api-problems.decorator';
import { CurrentUser, RequiresStepUp, Roles } from '../auth.decorators';
import type { AuthenticatedUser } from '../authenticated-user';
import { SecondFactorAdminService } from './second-factor-admin.service';
import { UuidParam } from '../../common/route.decorators';

@AuthenticatedApi('directory (administrators)')
@Roles('ADMIN', 'ORG_ADMIN')
@Controller('admin/users')
export class SecondFactorAdminController {
  constructor(private readonly admin: SecondFactorAdminService) {}

  @Post(':id/second-factor/reset')
  @HttpCode(204)
  @RequiresStepUp()
  @ApiOperation({
    summary:
      'Đặt lại xác thực hai lớp / Remove a user’s second factor (a lost phone): they enrol again at their next login; every session of theirs ends. Not your own.',
  })
  @ApiNoContentResponse()
  reset(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<void> {
    return this.admin.reset(user, id);
  }
}
