import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service';

/** Global: every feature asks the same AccessService. */
@Global()
@Module({ providers: [AccessService], exports: [AccessService] })
export class AccessModule {}
