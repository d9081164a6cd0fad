import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IssuanceModule } from '@magix/issuance';
import { ShareLink } from './share-link.entity';
import { ShareLinksController } from './share-links.controller';
import { ShareLinksResolver } from './share-links.resolver';
import { ShareLinksService } from './share-links.service';

@Module({
  imports: [TypeOrmModule.forFeature([ShareLink]), IssuanceModule],
  controllers: [ShareLinksController],
  providers: [ShareLinksService, ShareLinksResolver],
  exports: [ShareLinksService],
})
export class SharingModule {}
