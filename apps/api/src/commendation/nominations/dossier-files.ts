import { createHash } from 'node:crypto';
import { fromBuffer } from 'file-type';
import type { DossierFile } from '@epw/data-access';
import { RequestValidationException } from '../../common/request-validation.exception';
import type { DossierDocumentDto } from './dto/nomination.dto';

/** What a dossier file may be (award forms name no types of their own): documents and scans. */
export const DOSSIER_MEDIA_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};
/** What a client that does not know the type sends (a browser, for an unknown extension). */
const UNKNOWN_MEDIA_TYPE = 'application/octet-stream';
const MAX_BYTES = 4 * 1024 * 1024;
const MAX_NAME = 200;
const allowedNames = () => Object.values(DOSSIER_MEDIA_TYPES).join(', ');

/** The media type of a file's bytes (by their signature, never the client's word), or null when
 * they are none of the dossier's types. */
export async function sniffDossierMediaType(content: Uint8Array): Promise<string | null> {
  const found = await fromBuffer(content);
  return found && found.mime in DOSSIER_MEDIA_TYPES ? found.mime : null;
}

/**
 * A file name safe to store and send back: its last path part only (no `/`, `\`), without
 * control or format characters (bidirectional overrides included) or leading dots, at most 200
 * characters; `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback = 'tai-lieu'): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/^[\s.]+/, '')
    .trim();
  return clean.length === 0 ? fallback : [...clean].slice(0, MAX_NAME).join('');
}

/** The media type to serve a stored file with: one of the dossier's types, else a download. */
export function servedMediaType(stored: string): string {
  return stored in DOSSIER_MEDIA_TYPES ? stored : UNKNOWN_MEDIA_TYPE;
}

/** Content-Disposition of a download: always an attachment, the name in RFC 5987 form. */
export function attachmentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(safeFileName(fileName)).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename*=UTF-8''${encoded}`;
}

/**
 * Decodes, checks and hashes uploaded dossier files: 1 byte to 4 MiB each, bytes that are one of
 * the dossier's types (PDF, JPEG, PNG, DOCX, XLSX) and agree with the declared type (or
 * application/octet-stream); stored under the type of their bytes and a safe base name.
 */
export async function decodeDocuments(docs: DossierDocumentDto[]): Promise<DossierFile[]> {
  const files: DossierFile[] = [];
  for (const [i, d] of docs.entries()) {
    const content = Buffer.from(d.contentBase64, 'base64');
    if (content.length === 0 || content.length > MAX_BYTES) {
      throw new RequestValidationException([
        { field: `documents[${i}].contentBase64`, rule: 'length', message: '1 byte to 4 MiB' },
      ]);
    }
    const declared = d.mediaType.toLowerCase();
    if (declared !== UNKNOWN_MEDIA_TYPE && !(declared in DOSSIER_MEDIA_TYPES)) {
      throw new RequestValidationException([
        {
          field: `documents[${i}].mediaType`,
          rule: 'isIn',
          message: `mediaType must be one of ${Object.keys(DOSSIER_MEDIA_TYPES).join(', ')}`,
        },
      ]);
    }
    const actual = await sniffDossierMediaType(content);
    if (actual === null) {
      throw new RequestValidationException([
        {
          field: `documents[${i}].contentBase64`,
          rule: 'fileType',
          message: `the file's content must be one of ${allowedNames()}`,
        },
      ]);
    }
    if (declared !== UNKNOWN_MEDIA_TYPE && declared !== actual) {
      throw new RequestValidationException([
        {
          field: `documents[${i}].mediaType`,
          rule: 'matchesContent',
          message: `mediaType ${declared} does not match the file's content (${actual})`,
        },
      ]);
    }
    files.push({
      kind: d.kind,
      fileName: safeFileName(d.fileName),
      mediaType: actual,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content: new Uint8Array(content),
    });
  }
  return files;
}
