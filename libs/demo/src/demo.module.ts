import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@magix/organisations';
import { ResultsModule } from '@magix/results';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [OrganisationsModule, ResultsModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
