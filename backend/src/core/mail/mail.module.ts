import { Global, Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module.js';
import { MailProcessor } from './mail.processor.js';
import { MailService } from './mail.service.js';

/** API side: queue e-mail (MailService). */
@Global()
@Module({ imports: [QueueModule], providers: [MailService], exports: [MailService] })
export class MailModule {}

/** Worker side: send it (MailProcessor). */
@Module({ imports: [QueueModule], providers: [MailProcessor] })
export class MailWorkerModule {}
