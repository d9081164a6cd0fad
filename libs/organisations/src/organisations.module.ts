import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IssuerIdentityService } from './issuer-identity.service';
import { IssuerKey } from './issuer-key.entity';
import { Organisation } from './organisation.entity';
import { OrganisationsResolver } from './organisations.resolver';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organisation, IssuerKey])],
  providers: [OrganisationsService, OrganisationsResolver, IssuerIdentityService],
  exports: [OrganisationsService, IssuerIdentityService],
})
export class OrganisationsModule {}
