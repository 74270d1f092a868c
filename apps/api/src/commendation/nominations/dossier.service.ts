import { Injectable } from '@nestjs/common';
import {
  AwardFormRepository,
  NominationRepository,
  type DossierDocumentRecord,
} from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { decodeDocuments } from './dossier-files';
import type { ReviseDossierDto } from './dto/nomination.dto';
import type { DossierRevisedDto } from './dto/nomination-response.dto';
import { ReadAccessService } from '../../common/read-access.service';
import { nominationNotFound } from './nomination-access';

/** A nomination's dossier files: the proposer adds a revision while it is returned; readers
 * download them. */
@Injectable()
export class DossierService {
  constructor(
    private readonly nominations: NominationRepository,
    private readonly forms: AwardFormRepository,
    private readonly access: ReadAccessService,
  ) {}

  /** The proposer adds files while the nomination is returned for revision. */
  async revise(
    user: AuthenticatedUser,
    id: string,
    dto: ReviseDossierDto,
  ): Promise<DossierRevisedDto> {
    const n = await this.nominations.findById(id);
    if (!n) throw nominationNotFound(id)();
    if (n.proposerUnitId !== user.unitId)
      throw new DomainException(DomainErrorCode.NotProposerUnit);
    if (n.status !== 'RETURNED') {
      throw new DomainException(DomainErrorCode.NominationNotAtStep, { current: n.status });
    }
    const docs = await decodeDocuments(dto.documents);
    const form = await this.forms.findContentById(n.awardFormId);
    const kinds = (form?.dossier ?? []).map((d) => d.kind);
    docs.forEach((d, i) => {
      if (!kinds.includes(d.kind)) {
        throw new DomainException(DomainErrorCode.ValidationFailed, {
          field: `documents[${i}].kind`,
        });
      }
    });
    const revision = n.round + 1;
    await this.nominations.reviseDossier({
      nominationId: id,
      revision,
      actorUserId: user.userId,
      documents: docs,
    });
    return { nominationId: id, uploaded: docs.length, revision };
  }

  async document(
    user: AuthenticatedUser,
    id: string,
    documentId: string,
  ): Promise<DossierDocumentRecord> {
    const n = await this.nominations.findById(id);
    if (!n) throw nominationNotFound(id)();
    await this.access.assertCanReadNomination(user, n);
    const d = await this.nominations.findDocument(id, documentId);
    if (!d) throw new DomainException(DomainErrorCode.NotFound, { entity: 'tài liệu' });
    return d;
  }
}
