import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { uuidParam } from '../common/uuid-param';
import { ModelDetailDto, ModelQueryDto, ModelSummaryDto } from './dto/model.dto';
import { ModelsService } from './models.service';
import { AuthenticatedApi } from '../common/openapi/api-problems.decorator';

@AuthenticatedApi('models')
@Controller('models')
export class ModelsController {
  constructor(private readonly models: ModelsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Mô hình, giải pháp, công trình đã đăng ký / Registered models, solutions and works (own organisation and beneath; every unit for oversight roles)',
  })
  @ApiOkResponse({ type: [ModelSummaryDto] })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: ModelQueryDto,
  ): Promise<ModelSummaryDto[]> {
    return this.models.list(user, q);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'Mô hình và quá trình công nhận theo từng cấp / A model with its recognitions level by level and nominations in progress',
  })
  @ApiOkResponse({ type: ModelDetailDto })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<ModelDetailDto> {
    return this.models.get(user, id);
  }
}
