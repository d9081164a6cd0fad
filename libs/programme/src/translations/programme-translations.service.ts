import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { audit, AuditAction } from '@magix/audit';
import { Principal } from '@magix/auth';
import { notFound } from '@magix/common';
import { Programme } from '../programme.entities';
import { normalizedProgrammeTranslations, sameProgrammeTranslations, SetProgrammeTranslationsInput } from './programme-translation';

/**
 * The programme office sets the programme's title and description in other languages. Degrees
 * issued from then on carry them (localizedName / localizedDescription); those issued before keep
 * theirs as signed.
 */
@Injectable()
export class ProgrammeTranslationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The same translations again change nothing and write no audit entry. */
  async set(input: SetProgrammeTranslationsInput, principal: Principal): Promise<Programme> {
    // Checked before the transaction: bad input writes nothing and takes no lock.
    const translations = normalizedProgrammeTranslations(input.translations, 'input.translations');
    return this.dataSource.transaction(async (manager) => {
      const programme = await manager.findOne(Programme, { where: { code: input.programmeCode }, lock: { mode: 'pessimistic_write' } });
      if (!programme) throw notFound('Programme');
      if (sameProgrammeTranslations(programme.translations, translations)) return programme;
      await manager.update(Programme, { id: programme.id }, { translations });
      await audit(manager, {
        action: AuditAction.PROGRAMME_TRANSLATED,
        actorUserId: principal.userId,
        entityType: 'programme',
        entityId: programme.id,
        details: {
          code: programme.code,
          languages: translations.map((t) => t.language),
          before: programme.translations.map((t) => t.language),
        },
      });
      return manager.findOneByOrFail(Programme, { id: programme.id });
    });
  }
}
