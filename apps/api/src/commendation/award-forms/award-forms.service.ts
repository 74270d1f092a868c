import { Injectable } from '@nestjs/common';
import { AwardFormRepository, type LoadedAwardFormRecord } from '@epw/data-access';
import {
  DomainErrorCode,
  DomainException,
  validateAwardForm,
  type AwardFormContent,
} from '@epw/domain';
import type { AuthorityDto, AwardFormDto, AwardFormVersionDto } from './dto/award-form.dto';
import { toAuthorityDto, toAwardFormDto, toAwardFormVersionDto } from './award-form.mapper';

/** Award forms are versioned data: a nomination keeps the version it was submitted under. */
@Injectable()
export class AwardFormsService {
  constructor(private readonly forms: AwardFormRepository) {}

  /** The latest active version of a form, or AWARD_FORM_NOT_FOUND. */
  async latest(code: string): Promise<LoadedAwardFormRecord> {
    const form = await this.forms.findLatest(code);
    if (!form) throw new DomainException(DomainErrorCode.AwardFormNotFound, { code });
    return form;
  }

  async list(): Promise<AwardFormDto[]> {
    return (await this.forms.listLatest()).map(toAwardFormDto);
  }

  /** An administrator publishes a new version; running nominations keep theirs. */
  async publish(content: AwardFormContent, userId: string): Promise<AwardFormVersionDto> {
    validateAwardForm(content);
    const authority = await this.forms.findAuthorityByCode(content.authorityCode);
    if (!authority) {
      throw new DomainException(DomainErrorCode.AwardFormInvalid, {
        field: 'authorityCode',
        rule: 'an existing authority (GET /authorities)',
      });
    }
    const row = await this.forms.publish({
      content,
      authorityUnitId: authority.id,
      actorUserId: userId,
    });
    return toAwardFormVersionDto(row);
  }

  async authorities(): Promise<AuthorityDto[]> {
    return (await this.forms.listAuthorities()).map(toAuthorityDto);
  }
}
