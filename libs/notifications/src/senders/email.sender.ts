import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@epw/config';

/** E-mail over SMTP (a local sink in development and tests). */
@Injectable()
export class EmailSender implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = createTransport(config.notifications.smtpUrl);
  }

  async send(to: string, subject: string, text: string, dedupKey: string): Promise<void> {
    await this.transport.sendMail({
      from: this.config.notifications.smtpFrom,
      to,
      subject,
      text,
      // Lets a receiving system drop a duplicate that a crash between send and log could cause.
      messageId: `<${dedupKey.replace(/[^A-Za-z0-9.-]/g, '.')}@epw>`,
      headers: { 'X-EPW-Dedup-Key': dedupKey },
    });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
