import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Clock, GraphQLContext, notFound } from '@magix/common';
import { Offering } from '@magix/catalogue';
import { Edition } from '@magix/programme';
import { takesDegreeApplications } from './degree-intake';
import { offeringTakesApplications } from './offering-window';

/**
 * Whether apply would take an application today, by the rules apply itself uses, so a page can
 * offer Apply only where it would succeed instead of working the rules out again.
 */
@Resolver(() => Offering)
export class OfferingWindowResolver {
  constructor(private readonly clock: Clock) {}

  @ResolveField(() => Boolean, {
    description:
      'Whether it takes applications today: its edition is OPEN and today is within applicationsOpenOn to applicationsCloseOn (unset: until it starts)',
  })
  async applicationsOpen(@Parent() offering: Offering, @Context() context: GraphQLContext): Promise<boolean> {
    const edition = await context.loaders.byId(Edition).load(offering.editionId);
    if (!edition) throw notFound('Edition');
    return offeringTakesApplications(offering, edition, this.clock.today());
  }
}

@Resolver(() => Edition)
export class EditionWindowResolver {
  constructor(private readonly clock: Clock) {}

  @ResolveField(() => Boolean, {
    description:
      'Whether it takes degree applications today: it is OPEN and today is within degreeApplicationsOpenOn to degreeApplicationsCloseOn (unset: until it ends)',
  })
  degreeApplicationsOpen(@Parent() edition: Edition): boolean {
    return takesDegreeApplications(edition, this.clock.today());
  }
}
