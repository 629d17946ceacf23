import { Global, Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module.js';
import { MailProcessor } from './mail.processor.js';
import { Mailer } from './mailer.js';
import { MailService } from './mail.service.js';

/** API side: queue e-mail (MailService). */
@Global()
@Module({ imports: [QueueModule], providers: [MailService], exports: [MailService] })
export class MailModule {}

/** Worker side: send it (MailProcessor, through the Mailer other worker modules use too). */
@Global()
@Module({ imports: [QueueModule], providers: [Mailer, MailProcessor], exports: [Mailer] })
export class MailWorkerModule {}
