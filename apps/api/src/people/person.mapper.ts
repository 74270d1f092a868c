import type { PersonRecord } from '@epw/data-access';
import type { PersonDto } from './dto/person.dto';

export function toPersonDto(p: PersonRecord): PersonDto {
  return {
    id: p.id,
    unitId: p.unitId,
    fullName: p.fullName,
    position: p.position,
    birthYear: p.birthYear,
    createdAt: p.createdAt.toISOString(),
  };
}
