import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditLogResolver } from './log/audit-log.resolver';

/** Registers the audit log entity; writing goes through `audit(manager, ...)` in a transaction; ADMIN reads it (`auditLog`). */
@Module({ imports: [TypeOrmModule.forFeature([AuditEntry])], providers: [AuditLogResolver] })
export class AuditModule {}
