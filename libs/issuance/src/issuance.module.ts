import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '@magix/organisations';
import { ContextsController } from './contexts.controller';
import { CredentialIssuanceService } from './credential-issuance.service';
import { IssuedCredential } from './credential.entity';
import { CredentialsQueryService } from './credentials-query.service';
import { CredentialsResolver } from './credentials.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([IssuedCredential]), OrganisationsModule],
  controllers: [ContextsController],
  providers: [CredentialIssuanceService, CredentialsQueryService, CredentialsResolver],
  exports: [CredentialIssuanceService],
})
export class IssuanceModule {}
