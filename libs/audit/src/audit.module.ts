import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity';

/** Registers the audit log entity; writing goes through `audit(manager, ...)` in a transaction. */
@Module({ imports: [TypeOrmModule.forFeature([AuditEntry])] })
export class AuditModule {}
