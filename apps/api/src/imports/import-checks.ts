import type { ImportLookups, ImportPlan } from '@epw/data-access';
import {
  type ImportKind,
  type ImportRowIssue,
  type ImportScope,
  parseAwardImportRows,
  parseMembershipImportRows,
  parsePersonImportRows,
  parseUnitImportRows,
  type RawImportRow,
  resolveAwardImportRows,
  resolveMembershipImportRows,
  resolvePersonImportRows,
  resolveUnitImportRows,
} from '@epw/domain';

export interface ImportCheck {
  issues: ImportRowIssue[];
  plan: ImportPlan;
}

const present = <T>(xs: (T | null | undefined)[]): T[] =>
  xs.filter((x): x is T => x !== null && x !== undefined);

/**
 * Every rule of a kind over the rows of a file: the cells and the rows among themselves (pure,
 * in the domain), then the records they name, looked up once per kind of reference. Queries run
 * one after another: in an apply they share one transaction.
 */
export async function checkImport(
  kind: ImportKind,
  raw: readonly RawImportRow[],
  scope: ImportScope,
  lookups: ImportLookups,
): Promise<ImportCheck> {
  switch (kind) {
    case 'awards': {
      const parsed = parseAwardImportRows(raw);
      const rows = parsed.rows;
      const forms = await lookups.awardForms(rows.map((r) => r.formCode));
      const units = await lookups.unitsByCode(rows.map((r) => r.unitCode));
      const unitIds = present(rows.map((r) => units.get(r.unitCode)?.id));
      const peopleByUnit = await lookups.peopleOfUnits(
        present(rows.map((r) => (r.recipientKind === 'PERSON' ? units.get(r.unitCode)?.id : null))),
      );
      const recorded = await lookups.recordedAwardKeys({
        unitIds,
        formCodes: rows.map((r) => r.formCode),
        years: rows.map((r) => r.period.year),
      });
      const resolved = resolveAwardImportRows(rows, {
        forms,
        units,
        peopleByUnit,
        recorded,
        scope,
      });
      return {
        issues: [...parsed.issues, ...resolved.issues],
        plan: { kind, awards: resolved.awards },
      };
    }
    case 'people': {
      const parsed = parsePersonImportRows(raw);
      const units = await lookups.unitsByCode(parsed.rows.map((r) => r.unitCode));
      const peopleByUnit = await lookups.peopleOfUnits([...units.values()].map((u) => u.id));
      const resolved = resolvePersonImportRows(parsed.rows, { units, peopleByUnit, scope });
      return {
        issues: [...parsed.issues, ...resolved.issues],
        plan: { kind, people: resolved.people },
      };
    }
    case 'units': {
      const parsed = parseUnitImportRows(raw);
      const existing = await lookups.unitsByCode(
        present(parsed.rows.flatMap((r) => [r.code, r.parentCode])),
      );
      const resolved = resolveUnitImportRows(parsed.rows, {
        existing,
        fileCodes: parsed.codes,
        scope,
      });
      return {
        issues: [...parsed.issues, ...resolved.issues],
        plan: { kind, units: resolved.units },
      };
    }
    case 'memberships': {
      const parsed = parseMembershipImportRows(raw);
      const clusters = await lookups.clustersByCode(parsed.rows.map((r) => r.clusterCode));
      const units = await lookups.unitsByCode(parsed.rows.map((r) => r.unitCode));
      const frozen = await lookups.frozenYears(
        [...clusters.values()].map((c) => c.id),
        parsed.rows.map((r) => r.year),
      );
      const resolved = resolveMembershipImportRows(parsed.rows, {
        clusters,
        units,
        frozen,
        scope,
      });
      return {
        issues: [...parsed.issues, ...resolved.issues],
        plan: { kind, groups: resolved.groups },
      };
    }
  }
}
