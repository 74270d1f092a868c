import { AWARD_IMPORT } from './award-import';
import type { ImportKind, ImportKindDefinition } from './import-table';
import { MEMBERSHIP_IMPORT } from './membership-import';
import { PERSON_IMPORT } from './person-import';
import { UNIT_IMPORT } from './unit-import';

/** The columns and notes of every kind of import (proposal lists are not imported). */
export const IMPORT_DEFINITIONS: Readonly<Record<ImportKind, ImportKindDefinition>> = {
  awards: AWARD_IMPORT,
  people: PERSON_IMPORT,
  units: UNIT_IMPORT,
  memberships: MEMBERSHIP_IMPORT,
};
