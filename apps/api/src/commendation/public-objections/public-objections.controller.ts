import { Body, Controller, Param, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../auth/auth.decorators';
import { uuidParam } from '../../common/uuid-param';
import { PublicObjectionDto, PublicObjectionFiledDto } from './dto/public-objection.dto';
import { PublicObjectionsService } from './public-objections.service';
import { CreateRoute } from '../../common/route.decorators';

@ApiTags('nominations')
@Controller('public/postings')
export class PublicObjectionsController {
  constructor(private readonly objections: PublicObjectionsService) {}

  @CreateRoute({
    path: ':id/objections',
    summary:
      'Phản ánh của người dân về danh sách công khai / File an objection to a public posting (no login; limited per client address)',
    created: PublicObjectionFiledDto,
    problems: [
      [409, 'POSTING_CLOSED: the public posting period is over'],
      [
        429,
        'TOO_MANY_REQUESTS: too many filings from this address; wait the seconds of the Retry-After header',
      ],
    ],
  })
  @Public()
  file(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: PublicObjectionDto,
    @Req() request: FastifyRequest,
  ): Promise<PublicObjectionFiledDto> {
    return this.objections.file(id, body, request.ip);
  }
}
