import { DomainErrorCode, DomainException } from '@epw/domain';

export const nominationNotFound = (nominationId: string) => () =>
  new DomainException(DomainErrorCode.NominationNotFound, { nominationId });

// Who may read a nomination: ReadAccessService (apps/api/src/common/read-access.service.ts).
