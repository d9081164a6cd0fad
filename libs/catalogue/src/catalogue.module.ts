import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LearningModule, ModulePrerequisite, Offering } from './catalogue.entities';
import { ModuleResolver, OfferingResolver } from './catalogue.resolver';
import { CatalogueService } from './catalogue.service';

@Module({
  imports: [TypeOrmModule.forFeature([LearningModule, ModulePrerequisite, Offering])],
  providers: [CatalogueService, ModuleResolver, OfferingResolver],
  exports: [CatalogueService],
})
export class CatalogueModule {}
