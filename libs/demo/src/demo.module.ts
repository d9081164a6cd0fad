import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@magix/organisations';
import { PathwaysModule } from '@magix/pathways';
import { ResultsModule } from '@magix/results';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [OrganisationsModule, ResultsModule, PathwaysModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
