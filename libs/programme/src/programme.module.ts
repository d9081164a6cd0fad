import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Edition, Programme, ProgrammeTarget } from './programme.entities';
import { ProgrammeResolver } from './programme.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([Programme, Edition, ProgrammeTarget])],
  providers: [ProgrammeResolver],
})
export class ProgrammeModule {}
