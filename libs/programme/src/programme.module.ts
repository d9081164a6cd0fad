import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Edition, Programme, ProgrammeTarget } from './programme.entities';
import { EditionsResolver } from './editions/editions.resolver';
import { EditionsService } from './editions/editions.service';
import { ProgrammeResolver } from './programme.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([Programme, Edition, ProgrammeTarget])],
  providers: [ProgrammeResolver, EditionsResolver, EditionsService],
  exports: [EditionsService],
})
export class ProgrammeModule {}
