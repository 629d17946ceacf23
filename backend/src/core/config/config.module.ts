import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Config } from './config.js';

/** Injection token of the validated Config. */
export const CONFIG = Symbol('CONFIG');

/** Makes the already-validated configuration injectable everywhere (`@Inject(CONFIG)`). */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: Config): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: CONFIG, useValue: config }], exports: [CONFIG] };
  }
}
