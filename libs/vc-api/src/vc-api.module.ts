import { Module } from '@nestjs/common';
import { IssuanceModule } from '@magix/issuance';
import { OrganisationsModule } from '@magix/organisations';
import { PresentationsModule } from '@magix/presentations';
import { VcApiController } from './vc-api.controller';
import { VcApiService } from './vc-api.service';

@Module({
  imports: [IssuanceModule, OrganisationsModule, PresentationsModule],
  controllers: [VcApiController],
  providers: [VcApiService],
})
export class VcApiModule {}
