import { Module } from '@nestjs/common';
import { IssuanceModule } from '@magix/issuance';
import { OrganisationsModule } from '@magix/organisations';
import { VcApiController } from './vc-api.controller';
import { VcApiService } from './vc-api.service';

@Module({
  imports: [IssuanceModule, OrganisationsModule],
  controllers: [VcApiController],
  providers: [VcApiService],
})
export class VcApiModule {}
