import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Role, Roles } from '@magix/auth';
import { ImportJob } from './import-job.entity';
import { ImportReport, ImportResultsInput } from './import-report';
import { ResultsImportService } from './results-import.service';

@Resolver()
export class ResultsImportResolver {
  constructor(private readonly imports: ResultsImportService) {}

  @Roles(Role.ISSUER)
  @Mutation(() => ImportReport, {
    description:
      'Import a cohort’s results from a CSV: checked whole first (any bad row: nothing recorded); then recorded by a background job',
  })
  importResults(@Args('input') input: ImportResultsInput, @CurrentUser() user: Principal) {
    return this.imports.import(input.offeringCode, input.csv, input.dryRun, user);
  }

  @Roles(Role.ADMIN, Role.ISSUER)
  @Query(() => ImportJob, { description: 'An import’s progress: done / failed / total' })
  importJob(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: Principal) {
    return this.imports.job(id, user);
  }
}
