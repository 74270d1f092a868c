import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/* pdfjs-dist 4 ships only ES modules (.mjs). Jest runs this project as CommonJS: `import()` inside a
 * test fails without --experimental-vm-modules, and Jest's own require cannot load .mjs. So the text
 * is extracted by a child Node process that imports the legacy build natively; the PDF goes in on
 * stdin and one string per page comes back as JSON. Items are joined as pdf.js reports them, with a
 * newline where it marks the end of a line. */
const EXTRACT = `
import { getDocument } from ${JSON.stringify(
  pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href,
)};
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const content = await (await pdf.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\\n' : '')).join(''));
}
process.stdout.write(JSON.stringify(pages));
`;

/** The text of each page of a PDF, as pdf.js extracts it. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', EXTRACT], {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8')) as string[];
}
