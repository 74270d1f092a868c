import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import { ImportRepository, OrganisationTreeRepository } from '@epw/data-access';
import {
  DomainErrorCode,
  DomainException,
  IMPORT_DEFINITIONS,
  type ImportKind,
  type ImportRowIssue,
  type ImportScope,
  isGlobalAdmin,
  type Locale,
  readImportTable,
  sortImportIssues,
} from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RequestValidationException } from '../common/request-validation.exception';
import type { ImportFileDto, ImportResultDto } from './dto/import.dto';
import { MAX_IMPORT_BYTES } from './dto/import.dto';
import { checkImport } from './import-checks';
import { readImportFile } from './import-file';
import { importTemplate } from './import-template';
import { toImportErrors } from './import.mapper';

/** Kinds whose rows reach beyond one organisation's subtree: the global administrator's. */
const ADMIN_ONLY: readonly ImportKind[] = ['awards', 'memberships'];

/** Thrown inside the apply's transaction when the rows no longer pass: rolls everything back. */
class ImportRowsRefused extends Error {
  constructor(readonly issues: ImportRowIssue[]) {
    super(`${issues.length} import rows refused`);
  }
}

/** The outcome of an import, and whether an apply was refused (answered 422). */
export interface ImportOutcome {
  refused: boolean;
  result: ImportResultDto;
}

/**
 * Bulk imports of earlier awards, people, units and cluster memberships from XLSX or CSV: a dry
 * run lists every bad row and writes nothing; an apply writes every row or none, audited once.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly imports: ImportRepository,
    private readonly tree: OrganisationTreeRepository,
  ) {}

  template(kind: ImportKind, format: 'xlsx' | 'csv', locale: Locale): Promise<Buffer> {
    return importTemplate(IMPORT_DEFINITIONS[kind], format, locale);
  }

  async run(
    user: AuthenticatedUser,
    kind: ImportKind,
    mode: 'dry-run' | 'apply',
    file: ImportFileDto,
    locale: Locale,
  ): Promise<ImportOutcome> {
    const started = performance.now();
    const scope = await this.scopeOf(user, kind);
    const bytes = Buffer.from(file.contentBase64, 'base64');
    if (bytes.length === 0 || bytes.length > MAX_IMPORT_BYTES) {
      throw new RequestValidationException([
        { field: 'contentBase64', rule: 'length', message: '1 byte to 5 MiB' },
      ]);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const { type, lines } = await readImportFile(bytes);
    const definition = IMPORT_DEFINITIONS[kind];
    const table = readImportTable(definition, lines);
    const checked = await checkImport(kind, table.rows, scope, this.imports.lookups());
    let issues = [...table.issues, ...checked.issues];
    const result = (applied: boolean, extra: Partial<ImportResultDto> = {}): ImportResultDto => {
      const sorted = sortImportIssues(definition, issues);
      const bad = new Set(sorted.map((i) => i.row));
      return {
        kind,
        fileName: file.fileName,
        fileType: type,
        sha256,
        rows: table.rows.length,
        valid: table.rows.filter((r) => !bad.has(r.row)).length,
        errorCount: sorted.length,
        errors: toImportErrors(sorted, locale),
        applied,
        ...extra,
        tookMs: Math.round(performance.now() - started),
      };
    };
    if (mode === 'dry-run' || issues.length > 0) {
      return { refused: mode === 'apply', result: result(false) };
    }
    try {
      const { importId, createdIds } = await this.imports.apply(
        { kind, fileName: file.fileName, sha256, rows: table.rows.length },
        user.userId,
        async (lookups) => {
          // Again under the audit lock: nothing may have changed since the check above.
          const again = await checkImport(kind, table.rows, scope, lookups);
          if (again.issues.length > 0) throw new ImportRowsRefused(again.issues);
          return again.plan;
        },
      );
      return { refused: false, result: result(true, { importId, createdIds }) };
    } catch (err) {
      if (!(err instanceof ImportRowsRefused)) throw err;
      issues = err.issues;
      return { refused: true, result: result(false) };
    }
  }

  /** Who may import what: the global administrator everything; an organisation administrator
   * units and people within their own organisation's subtree (checked row by row). */
  private async scopeOf(user: AuthenticatedUser, kind: ImportKind): Promise<ImportScope> {
    if (isGlobalAdmin(user)) return { roles: user.roles, unitPath: null };
    if (ADMIN_ONLY.includes(kind)) {
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason: 'chỉ quản trị hệ thống (ADMIN) được nhập loại dữ liệu này',
      });
    }
    const unitPath = await this.tree.pathOfUnit(user.unitId);
    if (!user.roles.includes('ORG_ADMIN') || unitPath === null) {
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason: 'tài khoản quản trị tổ chức chưa gắn với một đơn vị',
      });
    }
    return { roles: user.roles, unitPath };
  }
}
