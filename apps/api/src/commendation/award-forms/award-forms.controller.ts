import { Body, Controller } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
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
import { AuthenticatedApi } from '../../common/openapi/api-problems.decorator';
import { CreateRoute, ReadRoute } from '../../common/route.decorators';

@AuthenticatedApi('award-forms')
@Controller()
export class AwardFormsController {
  constructor(private readonly forms: AwardFormsService) {}

  @ReadRoute({
    path: 'award-forms',
    summary:
      'Hình thức khen thưởng, quy trình xét duyệt / Award forms with their chains, dossiers and rules',
    ok: [AwardFormDto],
  })
  list(): Promise<AwardFormDto[]> {
    return this.forms.list();
  }

  @CreateRoute({
    path: 'award-forms',
    summary: 'Phiên bản mới của hình thức khen thưởng / Publish a new version (validated)',
    created: AwardFormVersionDto,
  })
  @Roles('ADMIN')
  @ApiBody({
    description: 'AwardFormContent (see GET /award-forms for examples)',
    type: AwardFormContentDto,
  })
  publish(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: AwardFormContent,
  ): Promise<AwardFormVersionDto> {
    return this.forms.publish(body, user.userId);
  }

  @ReadRoute({
    path: 'authorities',
    summary: 'Cơ quan có thẩm quyền / Deciding authorities and their levels',
    ok: [AuthorityDto],
  })
  authorities(): Promise<AuthorityDto[]> {
    return this.forms.authorities();
  }
}
