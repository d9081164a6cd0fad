import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many items, at most ${MAX_PAGE_SIZE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 20;

  @Field(() => Int, { defaultValue: 0, description: 'How many items to skip' })
  @IsInt()
  @Min(0)
  offset: number = 0;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasMore: boolean;
}

export function pageOf<T>([items, totalCount]: [T[], number], args: PageArgs): Page<T> {
  return { items, totalCount, hasMore: args.offset + items.length < totalCount };
}

/** A GraphQL page type for `T`: `items`, `totalCount` and `hasMore`. */
export function Paginated<T>(item: Type<T>): Type<Page<T>> {
  @ObjectType(`${item.name}Page`)
  class PageType implements Page<T> {
    @Field(() => [item])
    items!: T[];

    @Field(() => Int)
    totalCount!: number;

    @Field()
    hasMore!: boolean;
  }
  return PageType;
}
