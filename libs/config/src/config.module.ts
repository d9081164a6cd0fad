import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, Secrets } from './app-config';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const SECRETS = Symbol('SECRETS');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, secrets: Secrets): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: SECRETS, useValue: secrets },
      ],
      exports: [APP_CONFIG, SECRETS],
    };
  }
}
