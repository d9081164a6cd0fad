import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { urlencoded } from 'express';
import { AdmissionsModule } from '@magix/admissions';
import { InterestListController } from './interest-list.controller';
import { InterestListMember, InterestListNotice } from './interest-list.entities';
import { InterestListResolver } from './interest-list.resolver';
import { InterestListService } from './interest-list.service';

@Module({
  imports: [TypeOrmModule.forFeature([InterestListMember, InterestListNotice]), AdmissionsModule],
  controllers: [InterestListController],
  providers: [InterestListService, InterestListResolver],
  exports: [InterestListService],
})
export class InterestListModule implements NestModule {
  /** The page's plain HTML forms post url-encoded bodies; only these routes read them (the app parses JSON only). */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(urlencoded({ extended: false, limit: '8kb' }))
      .forRoutes(
        { path: 'interest-list', method: RequestMethod.POST },
        { path: 'interest-list/confirm', method: RequestMethod.POST },
        { path: 'interest-list/leave', method: RequestMethod.POST },
      );
  }
}
