import type { AwardFormListRecord, AwardFormRecord, AuthorityRecord } from '@epw/data-access';
import type { AuthorityDto, AwardFormDto, AwardFormVersionDto } from './dto/award-form.dto';

export function toAwardFormDto(f: AwardFormListRecord): AwardFormDto {
  return { ...f };
}

export function toAwardFormVersionDto(f: AwardFormRecord): AwardFormVersionDto {
  return {
    id: f.id,
    code: f.code,
    version: f.version,
    name: f.name,
    level: f.level,
    authorityUnitId: f.authorityUnitId,
    content: f.content as object,
    active: f.active,
    createdById: f.createdById,
    createdAt: f.createdAt.toISOString(),
  };
}

export function toAuthorityDto(a: AuthorityRecord): AuthorityDto {
  return { id: a.id, code: a.code, name: a.name, level: a.level };
}
