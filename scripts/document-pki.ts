/**
 * The development document-signing certificate: a local CA and a seal certificate it issues, as
 * PKCS#12, written once into a folder (default .data/pki) and kept across restarts. Production
 * uses a PKCS#12 from a licensed CA instead (DOCUMENT_SIGNING_P12_PATH).
 *
 *   node -r @swc-node/register scripts/document-pki.ts [dir]
 *
 * Prints the PKCS#12 path; the password is in <dir>/document-signing.password (mode 600).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLocalCa, issueSigningP12 } from '@epw/documents';

const dir = resolve(process.argv[2] ?? '.data/pki');
const p12Path = join(dir, 'document-signing.p12');
if (!existsSync(p12Path)) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // forge writes non-ASCII issuer names twice encoded in a signature: the CA's name stays ASCII.
  const ca = createLocalCa({
    commonName: 'EPW Local Development CA',
    organization: 'EPW development',
  });
  const seal = issueSigningP12(ca, {
    commonName: 'Hệ thống Thi đua – Khen thưởng',
    organization: 'EPW (môi trường phát triển)',
  });
  writeFileSync(join(dir, 'ca.pem'), ca.certificatePem);
  writeFileSync(join(dir, 'ca.key.pem'), ca.privateKeyPem, { mode: 0o600 });
  writeFileSync(p12Path, seal.p12, { mode: 0o600 });
  writeFileSync(join(dir, 'document-signing.password'), seal.password, { mode: 0o600 });
}
process.stdout.write(`${p12Path}\n`);
