/**
 * A personal signing certificate for the demo, issued by the development CA of
 * scripts/document-pki.ts (which `npm start` trusts for personal signatures): with it a member
 * unit's signer adds their own digital signature to a signed copy in the web app.
 *
 *   npm run pki:personal -- "<full name as in the account>" [out.p12]
 *
 * Writes the PKCS#12 (default .data/pki/personal/<name>.p12) and prints its path and password.
 * Production signers use certificates from licensed CAs (or a remote-signing adapter) instead.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { issueSigningP12, type LocalCa } from '@epw/documents';

const [fullName, out] = process.argv.slice(2);
if (!fullName) {
  console.error('usage: npm run pki:personal -- "<full name>" [out.p12]');
  process.exit(2);
}
const pki = resolve('.data/pki');
if (!existsSync(join(pki, 'ca.key.pem'))) {
  console.error(`no development CA in ${pki}: run npm start once (it creates it)`);
  process.exit(1);
}
const ca: LocalCa = {
  certificatePem: readFileSync(join(pki, 'ca.pem'), 'utf8'),
  privateKeyPem: readFileSync(join(pki, 'ca.key.pem'), 'utf8'),
};
const slug = fullName
  .normalize('NFD')
  .replace(/[\u0300-\u036f]/g, '')
  .replace(/đ/gi, 'd')
  .replace(/[^A-Za-z0-9]+/g, '-')
  .replace(/^-|-$/g, '')
  .toLowerCase();
const path = resolve(out ?? join(pki, 'personal', `${slug}.p12`));
const issued = issueSigningP12(ca, {
  commonName: fullName,
  organization: 'EPW (môi trường phát triển)',
});
mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
writeFileSync(path, issued.p12, { mode: 0o600 });
console.log(`PKCS#12: ${path}\npassword: ${issued.password}`);
