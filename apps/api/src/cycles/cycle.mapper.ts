import type { CycleWithDetails } from '@epw/data-access';
import type { CycleDto } from './dto/cycle.dto';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export function toCycleDto(c: CycleWithDetails): CycleDto {
  const current = c.pledge?.versions.find((v) => v.version === c.pledge?.currentVersion);
  return {
    id: c.id,
    cluster: { id: c.cluster.id, code: c.cluster.code, name: c.cluster.name },
    movementCode: c.movementCode,
    movementName: c.movementName,
    periodKind: c.periodKind,
    periodLabel: c.periodLabel,
    startsOn: isoDate(c.startsOn),
    endsOn: isoDate(c.endsOn),
    status: c.status,
    calendarScale: c.calendarScale,
    calendarEpoch: c.calendarEpoch.toISOString(),
    pledge: c.pledge
      ? {
          title: c.pledge.title,
          documents: c.pledge.documents,
          currentVersion: c.pledge.currentVersion,
          currentItems: current?.items.map((i) => i.text) ?? [],
          contentHash: current?.contentHash ?? '',
          effectiveAt: c.pledge.effectiveAt?.toISOString() ?? null,
        }
      : null,
    signingRound: c.signingRound
      ? {
          id: c.signingRound.id,
          status: c.signingRound.status,
          deadlineAt: c.signingRound.deadlineAt.toISOString(),
        }
      : null,
  };
}
