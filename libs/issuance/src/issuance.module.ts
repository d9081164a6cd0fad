import { Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { CredentialWorkers, registerDeploymentContext } from '@magix/credentials';
import { LearnersModule } from '@magix/learners';
import { OrganisationsModule } from '@magix/organisations';
import { ContextsController } from './contexts.controller';
import { CredentialIssuanceService } from './credential-issuance.service';
import { CredentialStatusService } from './credential-status.service';
import { IssuedCredential } from './credential.entity';
import { CredentialsQueryService } from './credentials-query.service';
import { CredentialsResolver } from './credentials.resolver';
import { StatusList, StatusListSet } from './status-list.entities';
import { StatusListService } from './status-list.service';
import { StatusListsController } from './status-lists.controller';
import { VerificationService } from './verification.service';

@Module({
  imports: [TypeOrmModule.forFeature([IssuedCredential, StatusListSet, StatusList]), OrganisationsModule, LearnersModule],
  controllers: [ContextsController, StatusListsController],
  providers: [
    CredentialIssuanceService,
    CredentialsQueryService,
    CredentialsResolver,
    CredentialStatusService,
    StatusListService,
    VerificationService,
    {
      // The signature work of verification and of cohort signing, off the event loop, on one set
      // of threads (see docs/verification-cost.md). Before anything signs or verifies, this
      // deployment's context URL resolves offline to the text it serves.
      provide: CredentialWorkers,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        registerDeploymentContext(config.publicUrl);
        return new CredentialWorkers({ publicUrls: [config.publicUrl] }).install();
      },
    },
  ],
  exports: [CredentialIssuanceService, CredentialStatusService, VerificationService, StatusListService, CredentialsQueryService],
})
export class IssuanceModule implements OnApplicationShutdown {
  constructor(private readonly workers: CredentialWorkers) {}

  onApplicationShutdown(): Promise<void> {
    return this.workers.close();
  }
}
