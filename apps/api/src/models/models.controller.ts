import { Controller, Query } from '@nestjs/common';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ModelDetailDto, ModelQueryDto, ModelSummaryDto } from './dto/model.dto';
import { ModelsService } from './models.service';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { ReadRoute, UuidParam } from '../common/route.decorators';

@AuthenticatedApi('models')
@Controller('models')
export class ModelsController {
  constructor(private readonly models: ModelsService) {}

  @ReadRoute({
    summary:
      'Mô hình, giải pháp, công trình đã đăng ký / Registered models, solutions and works (own organisation and beneath; every unit for oversight roles)',
    ok: [ModelSummaryDto],
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: ModelQueryDto,
  ): Promise<ModelSummaryDto[]> {
    return this.models.list(user, q);
  }

  @ReadRoute({
    path: ':id',
    summary:
      'Mô hình và quá trình công nhận theo từng cấp / A model with its recognitions level by level and nominations in progress',
    ok: ModelDetailDto,
  })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
  ): Promise<ModelDetailDto> {
    return this.models.get(user, id);
  }
}
