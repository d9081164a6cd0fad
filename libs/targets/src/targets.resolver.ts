import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Role, Roles } from '@magix/auth';
import { TargetsService } from './targets.service';
import { ProgrammeTargets } from './targets.types';

@Resolver()
export class TargetsResolver {
  constructor(private readonly targets: TargetsService) {}

  @Roles(Role.ADMIN)
  @Query(() => ProgrammeTargets, {
    description:
      'Graduates, participants in self-standing modules, the public-sector share and the consortium’s members and countries ' +
      'against the targets, live; for one edition when editionId is given, else overall. Definitions: docs/targets.md',
  })
  programmeTargets(@Args('editionId', { type: () => ID, nullable: true }) editionId?: string) {
    return this.targets.programmeTargets(editionId ?? null);
  }
}
