import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Edition, Programme, ProgrammeTarget } from './programme.entities';
import { EditionsResolver } from './editions/editions.resolver';
import { EditionsService } from './editions/editions.service';
import { ProgrammeResolver } from './programme.resolver';
import { ProgrammeTranslationsService } from './translations/programme-translations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Programme, Edition, ProgrammeTarget])],
  providers: [ProgrammeResolver, EditionsResolver, EditionsService, ProgrammeTranslationsService],
  exports: [EditionsService],
})
export class ProgrammeModule {}
