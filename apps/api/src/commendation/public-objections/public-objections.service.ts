import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { fileObjectionUpdate, nominationWorkflowId } from '@epw/contracts';
import { PublicObjectorRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { WorkflowUpdatesService } from '../../common/workflow-updates.service';
import { nominationNotFound } from '../nominations/nomination-access';
import type { PublicObjectionDto, PublicObjectionFiledDto } from './dto/public-objection.dto';
import { PublicObjectionThrottleService } from './public-objection-throttle.service';

/** The role a public objector acts in (no account: the workflow checks no role for objections). */
const PUBLIC_ROLE = 'PUBLIC';

/**
 * Objections from the public posting page (công khai), without login. The objection goes to the
 * nomination's workflow like any other (it checks the posting is open and records the Objection
 * with its audit entry); the objector has no account, so the objection's own id stands for them
 * as the actor, and their name and contact are recorded beside it for the board.
 */
@Injectable()
export class PublicObjectionsService {
  constructor(
    private readonly throttle: PublicObjectionThrottleService,
    private readonly objectors: PublicObjectorRepository,
    private readonly workflows: WorkflowUpdatesService,
  ) {}

  async file(
    nominationId: string,
    dto: PublicObjectionDto,
    ip: string,
  ): Promise<PublicObjectionFiledDto> {
    await this.throttle.take(ip);
    const posting = await this.objectors.findPostingState(nominationId, new Date());
    if (!posting) throw nominationNotFound(nominationId)();
    if (!posting.open) throw new DomainException(DomainErrorCode.PostingClosed);
    const objectionId = randomUUID();
    const publicActor: AuthenticatedUser = {
      userId: objectionId,
      username: 'public',
      unitId: null,
      roles: [PUBLIC_ROLE],
    };
    await this.workflows.execute(
      nominationWorkflowId(nominationId),
      fileObjectionUpdate,
      {
        actor: { userId: objectionId, unitId: null, roles: [PUBLIC_ROLE] },
        objectionId,
        text: dto.text,
      },
      {
        action: 'nomination-public-objection',
        user: publicActor,
        closed: () => new DomainException(DomainErrorCode.PostingClosed),
        notFound: nominationNotFound(nominationId),
      },
    );
    const recorded = await this.objectors.record({
      objectionId,
      nominationId,
      name: dto.objectorName,
      contact: dto.objectorContact,
    });
    return { objectionId, nominationId, filedAt: recorded.filedAt.toISOString() };
  }
}
