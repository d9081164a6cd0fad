import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LearningModule, ModulePrerequisite, ModuleVersion, Offering } from './catalogue.entities';
import { ModuleResolver, OfferingResolver } from './catalogue.resolver';
import { CatalogueService } from './catalogue.service';
import { ModuleVersionsService } from './module-versions.service';

@Module({
  imports: [TypeOrmModule.forFeature([LearningModule, ModulePrerequisite, ModuleVersion, Offering])],
  providers: [CatalogueService, ModuleVersionsService, ModuleResolver, OfferingResolver],
  exports: [CatalogueService, ModuleVersionsService],
})
export class CatalogueModule {}
