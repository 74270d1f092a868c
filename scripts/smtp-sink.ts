/* A local SMTP sink for development: accepts every message on 127.0.0.1:1025 and keeps it as an
 * .eml file in .data/mail/, so e-mail reminders can be inspected without a mail server. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

const port = Number(process.env['SMTP_SINK_PORT'] ?? '1025');
const dir = path.resolve(process.env['SMTP_SINK_DIR'] ?? '.data/mail');
mkdirSync(dir, { recursive: true });

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const file = path.join(
        dir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${session.id}.eml`,
      );
      writeFileSync(file, Buffer.concat(chunks));
      console.log(`mail to ${session.envelope.rcptTo.map((r) => r.address).join(', ')} → ${file}`);
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () =>
  console.log(`SMTP sink on 127.0.0.1:${port}, messages in ${dir}`),
);
