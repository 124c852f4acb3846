import nodemailer from 'nodemailer';
import type { EnrollmentNotifier } from '../usecases/deps.ts';

export interface SmtpNotifierOptions {
  /** e.g. `smtp://mail.example.com:587`; credentials in the URL are never logged. */
  url: string;
  from: string;
}

/** "Your security key was enrolled" by SMTP. The address is the user's e-mail, else a login with @. */
export function createSmtpNotifier({
  url,
  from,
}: SmtpNotifierOptions): EnrollmentNotifier & { close(): void } {
  const transport = nodemailer.createTransport(url);
  return {
    async enrolled({ user, serial, idpName, at }) {
      const to = user.email ?? (user.name?.includes('@') ? user.name : undefined);
      if (!to) return;
      await transport.sendMail({
        from,
        to,
        subject: 'Your security key is ready',
        text: [
          `Hello ${user.displayName ?? user.name ?? ''},`.trim(),
          '',
          `A security key (serial ${serial}) was enrolled for your ${idpName} account on ${at.toISOString()}.`,
          'If you did not expect this, contact your administrator.',
        ].join('\n'),
      });
    },
    close: () => transport.close(),
  };
}
