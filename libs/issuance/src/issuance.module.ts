import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { ProofWorkers, registerDeploymentContext } from '@magix/credentials';
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
  ],
  exports: [CredentialIssuanceService, CredentialStatusService, VerificationService, StatusListService, CredentialsQueryService],
})
export class IssuanceModule implements OnApplicationShutdown {
  // Signature work of every verification, off the event loop (see docs/verification-cost.md).
  private readonly proofWorkers: ProofWorkers;

  // Before anything signs: this deployment's context URL resolves offline to the text it serves.
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    registerDeploymentContext(config.publicUrl);
    this.proofWorkers = new ProofWorkers({ publicUrls: [config.publicUrl] }).install();
  }

  onApplicationShutdown(): Promise<void> {
    return this.proofWorkers.close();
  }
}
