import { Args, Context, ID, Mutation, Parent, Query, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Role, Roles } from '@magix/auth';
import { Clock, GraphQLContext, uuidParam } from '@magix/common';
import { IssuedCredential } from '@magix/issuance';
import { CreateShareLinkInput } from './dto/create-share-link.input';
import { ShareLink, ShareLinkState, shareLinkState } from './share-link.entity';
import { ShareLinksService } from './share-links.service';

registerEnumType(ShareLinkState, { name: 'ShareLinkState' });

const uuid = uuidParam();
const optionalUuid = uuidParam('credentialId', true);

@Resolver(() => ShareLink)
export class ShareLinksResolver {
  constructor(
    private readonly shareLinks: ShareLinksService,
    private readonly clock: Clock,
  ) {}

  @Roles(Role.LEARNER)
  @Query(() => [ShareLink], { description: 'Your share links, newest first; only those of one credential if given' })
  myShareLinks(
    @CurrentUser() user: Principal,
    @Args('credentialId', { type: () => ID, nullable: true }, optionalUuid) credentialId?: string,
  ): Promise<ShareLink[]> {
    return this.shareLinks.mine(user, credentialId ? [credentialId] : undefined);
  }

  @Roles(Role.LEARNER)
  @Mutation(() => ShareLink, { description: 'A public link to one of your credentials, until you revoke it or it expires' })
  createShareLink(@Args('input') input: CreateShareLinkInput, @CurrentUser() user: Principal): Promise<ShareLink> {
    return this.shareLinks.create(user, input.credentialId, input.expiresAt ?? null);
  }

  @Roles(Role.LEARNER)
  @Mutation(() => ShareLink, { description: 'Close one of your share links for good' })
  revokeShareLink(@Args('id', { type: () => ID }, uuid) id: string, @CurrentUser() user: Principal): Promise<ShareLink> {
    return this.shareLinks.revoke(user, id);
  }

  @ResolveField(() => String, { description: 'The public address: the verification page with the credential' })
  url(@Parent() link: ShareLink): string {
    return this.shareLinks.urlOf(link);
  }

  @ResolveField(() => ShareLinkState)
  state(@Parent() link: ShareLink): ShareLinkState {
    return shareLinkState(link, this.clock.now());
  }

  @ResolveField(() => IssuedCredential)
  credential(@Parent() link: ShareLink, @Context() context: GraphQLContext) {
    return context.loaders.byId(IssuedCredential).load(link.credentialId);
  }
}
