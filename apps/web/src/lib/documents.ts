import { readAsBase64 } from '../api/commendation';

/** A dossier document as the API takes it: its kind, file name, media type and base64 content. */
export async function documentOf(kind: string, file: File) {
  return {
    kind,
    fileName: file.name,
    mediaType: file.type || 'application/octet-stream',
    contentBase64: await readAsBase64(file),
  };
}

/** Every chosen file of a dossier (kind → file, or null when none was chosen), as documents. */
export function documentsOf(files: Record<string, File | null>) {
  return Promise.all(
    Object.entries(files)
      .filter((e): e is [string, File] => !!e[1])
      .map(([kind, file]) => documentOf(kind, file)),
  );
}
