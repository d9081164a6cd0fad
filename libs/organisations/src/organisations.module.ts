import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IssuerIdentityService } from './issuer-identity.service';
import { IssuerKey } from './issuer-key.entity';
import { Organisation } from './organisation.entity';
import { OrganisationsResolver } from './organisations.resolver';
import { OrganisationsService } from './organisations.service';
import { SigningKeysService } from './signing-keys.service';
import { TrustRegistryController } from './trust-registry.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Organisation, IssuerKey])],
  controllers: [TrustRegistryController],
  providers: [OrganisationsService, OrganisationsResolver, IssuerIdentityService, SigningKeysService],
  exports: [OrganisationsService, IssuerIdentityService],
})
export class OrganisationsModule {}
