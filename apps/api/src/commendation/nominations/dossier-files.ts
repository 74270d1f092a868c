import { createHash } from 'node:crypto';
import type { DossierFile } from '@epw/data-access';
import { RequestValidationException } from '../../common/request-validation.exception';
import type { DossierDocumentDto } from './dto/nomination.dto';

/** Decodes and hashes uploaded dossier files; each holds 1 byte to 4 MiB. */
export function decodeDocuments(docs: DossierDocumentDto[]): DossierFile[] {
  return docs.map((d, i) => {
    const content = Buffer.from(d.contentBase64, 'base64');
    if (content.length === 0 || content.length > 4 * 1024 * 1024) {
      throw new RequestValidationException([
        { field: `documents[${i}].contentBase64`, rule: 'length', message: '1 byte to 4 MiB' },
      ]);
    }
    return {
      kind: d.kind,
      fileName: d.fileName,
      mediaType: d.mediaType,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content: new Uint8Array(content),
    };
  });
}
