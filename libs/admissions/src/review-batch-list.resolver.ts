import { Args, ArgsType, Field, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsBoolean, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { Role, Roles } from '@magix/auth';
import { Page, PageArgs, pageOf, Paginated } from '@magix/common';
import { ReviewBatch } from './admission.entities';

const ReviewBatchPage = Paginated(ReviewBatch);

@ArgsType()
export class ReviewBatchFilter {
  @Field({ nullable: true, description: 'true: batches still open; false: closed ones' })
  @IsOptional()
  @IsBoolean()
  open?: boolean;
}

/** The programme office finds its review batches (their applications: `applications(batchId)`). */
@Resolver(() => ReviewBatch)
export class ReviewBatchListResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Roles(Role.ADMIN)
  @Query(() => ReviewBatchPage, { description: 'Review batches, open ones first, then the newest. The programme office only' })
  async reviewBatches(@Args() filter: ReviewBatchFilter, @Args() page: PageArgs): Promise<Page<ReviewBatch>> {
    const query = this.dataSource
      .getRepository(ReviewBatch)
      .createQueryBuilder('b')
      .orderBy('b.closed_at IS NULL', 'DESC')
      .addOrderBy('b.opened_at', 'DESC')
      .offset(page.offset)
      .limit(page.limit);
    if (filter.open !== undefined) query.andWhere(filter.open ? 'b.closed_at IS NULL' : 'b.closed_at IS NOT NULL');
    return pageOf(await query.getManyAndCount(), page);
  }
}
