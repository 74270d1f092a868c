import { Injectable } from '@nestjs/common';
import { DecisionRepository } from '@epw/data-access';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { DecisionReaderService } from './decision-reader.service';
import type { CreateDecisionDto, DecisionDetailDto } from './dto/decision.dto';

const date = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * Drafts a commendation decision (dự thảo quyết định khen thưởng): a batch of nominations that
 * completed their chain for the caller's authority, none of them in another draft.
 */
@Injectable()
export class DecisionDraftingService {
  constructor(
    private readonly decisions: DecisionRepository,
    private readonly reader: DecisionReaderService,
  ) {}

  async create(user: AuthenticatedUser, dto: CreateDecisionDto): Promise<DecisionDetailDto> {
    const authority = await this.reader.authorityOf(user);
    const nominationIds = [...new Set(dto.nominationIds)];
    // Fails fast with the reason; the repository checks again under the write's lock.
    await this.decisions.assertDecidable(authority.id, dto.nominationIds);
    const id = await this.decisions.createDraft(
      {
        number: dto.number,
        signedOn: date(dto.signedOn),
        authorityUnitId: authority.id,
        title: dto.title,
        ceremonyName: dto.ceremonyName ?? null,
        ceremonyOn: dto.ceremonyOn ? date(dto.ceremonyOn) : null,
        signerName: dto.signerName ?? null,
        signerTitle: dto.signerTitle,
        nominationIds,
      },
      user.userId,
    );
    return this.reader.get(id);
  }
}
