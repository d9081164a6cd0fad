import { Module } from '@nestjs/common';
import { AdmissionsModule } from '@magix/admissions';
import { InterestListModule } from '@magix/interest-list';
import { OrganisationsModule } from '@magix/organisations';
import { PathwaysModule } from '@magix/pathways';
import { ProgrammeModule } from '@magix/programme';
import { ResultsModule } from '@magix/results';
import { DemoSeeder } from './demo-seeder';
import { NextEditionSeeder } from './next-edition.seeder';

@Module({
  imports: [OrganisationsModule, ResultsModule, PathwaysModule, ProgrammeModule, AdmissionsModule, InterestListModule],
  providers: [DemoSeeder, NextEditionSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
