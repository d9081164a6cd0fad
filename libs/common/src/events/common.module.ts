import { Global, Module } from '@nestjs/common';
import { Clock } from '../clock';
import { DomainEvents } from './domain-events';

/** Process-wide services every feature may inject: the clock and the domain events. */
@Global()
@Module({ providers: [Clock, DomainEvents], exports: [Clock, DomainEvents] })
export class CommonModule {}
