import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { AwardFormContent } from '@epw/domain';
import { CurrentUser, Roles } from '../../auth/auth.decorators';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { AwardFormsService } from './award-forms.service';
import {
  AuthorityDto,
  AwardFormContentDto,
  AwardFormDto,
  AwardFormVersionDto,
} from './dto/award-form.dto';
import { ApiProblems, AuthenticatedApi } from '../../common/openapi/api-problems.decorator';

@AuthenticatedApi('award-forms')
@Controller()
export class AwardFormsController {
  constructor(private readonly forms: AwardFormsService) {}

  @Get('award-forms')
  @ApiOperation({
    summary:
      'Hình thức khen thưởng, quy trình xét duyệt / Award forms with their chains, dossiers and rules',
  })
  @ApiOkResponse({ type: [AwardFormDto] })
  list(): Promise<AwardFormDto[]> {
    return this.forms.list();
  }

  @Post('award-forms')
  @ApiProblems(409, 422)
  @Roles('ADMIN')
  @ApiBody({
    description: 'AwardFormContent (see GET /award-forms for examples)',
    type: AwardFormContentDto,
  })
  @ApiOperation({
    summary: 'Phiên bản mới của hình thức khen thưởng / Publish a new version (validated)',
  })
  @ApiCreatedResponse({ type: AwardFormVersionDto })
  publish(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: AwardFormContent,
  ): Promise<AwardFormVersionDto> {
    return this.forms.publish(body, user.userId);
  }

  @Get('authorities')
  @ApiOperation({ summary: 'Cơ quan có thẩm quyền / Deciding authorities and their levels' })
  @ApiOkResponse({ type: [AuthorityDto] })
  authorities(): Promise<AuthorityDto[]> {
    return this.forms.authorities();
  }
}
