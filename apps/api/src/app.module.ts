import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { DataSource } from 'typeorm';
import { AdmissionsModule } from '@magix/admissions';
import { AuditModule } from '@magix/audit';
import { AccessModule, AuthModule } from '@magix/auth';
import { BadgesModule } from '@magix/badges';
import { CatalogueModule } from '@magix/catalogue';
import {
  CommonModule,
  depthLimit,
  formatGraphQLError,
  QueryLogger,
  queryCostLimit,
  RequestLoaders,
  serviceUnavailableStatus,
  uuidIdArguments,
  validationPipe,
} from '@magix/common';
import { AppConfig, ConfigModule, Secrets } from '@magix/config';
import { typeOrmOptions } from '@magix/database';
import { DemoModule } from '@magix/demo';
import { EnrolmentModule } from '@magix/enrolment';
import { InterestListModule } from '@magix/interest-list';
import { IssuanceModule } from '@magix/issuance';
import { JobsModule } from '@magix/jobs';
import { LearnersModule } from '@magix/learners';
import { OrganisationsModule } from '@magix/organisations';
import { PathwaysModule } from '@magix/pathways';
import { PresentationsModule } from '@magix/presentations';
import { ProgrammeModule } from '@magix/programme';
import { ResultsModule } from '@magix/results';
import { SharingModule } from '@magix/sharing';
import { TargetsModule } from '@magix/targets';
import { VcApiModule } from '@magix/vc-api';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';

export const MAX_QUERY_DEPTH = 8;

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, secrets: Secrets, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, secrets),
        TypeOrmModule.forRoot({ ...typeOrmOptions(databaseUrl), logger: new QueryLogger(), autoLoadEntities: true }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => ({
            autoSchemaFile: true,
            sortSchema: true,
            playground: false,
            // Apollo's landing pages load scripts from a CDN; GraphiQL is served from our own files (create-app.ts).
            plugins: [ApolloServerPluginLandingPageDisabled(), uuidIdArguments, queryCostLimit(), serviceUnavailableStatus],
            // serviceUnavailableStatus sets the status of executed operations instead (200, or 503).
            preserveHttpStatusForExecutionErrors: false,
            introspection: true,
            validationRules: [depthLimit(MAX_QUERY_DEPTH)],
            formatError: formatGraphQLError,
            context: ({ req }: { req: unknown }) => ({ req, loaders: new RequestLoaders(dataSource) }),
          }),
        }),
        CommonModule,
        JobsModule,
        AuditModule,
        AuthModule,
        AccessModule,
        OrganisationsModule,
        ProgrammeModule,
        CatalogueModule,
        LearnersModule,
        EnrolmentModule,
        AdmissionsModule,
        InterestListModule,
        IssuanceModule,
        BadgesModule,
        ResultsModule,
        PresentationsModule,
        PathwaysModule,
        TargetsModule,
        SharingModule,
        VcApiModule,
        DemoModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: APP_PIPE, useValue: validationPipe }],
    };
  }
}
