import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import GraphQLJSON from 'graphql-type-json';
import { AuditAction } from '../audit-log';

/** One line of the audit log as the programme office reads it. */
@ObjectType('AuditEntry')
export class AuditEntryView {
  @Field(() => ID)
  id!: string;

  @Field()
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The account that acted; null for the server itself' })
  actorUserId!: string | null;

  @Field(() => String, { nullable: true, description: 'The acting account’s email, when the account still exists' })
  actorEmail!: string | null;

  @Field()
  action!: string;

  @Field()
  entityType!: string;

  @Field()
  entityId!: string;

  @Field(() => GraphQLJSON)
  details!: Record<string, unknown>;
}

@ArgsType()
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: 'Only this action, e.g. APPLICATION_DECIDED' })
  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction;

  @Field(() => String, { nullable: true, description: 'Only entries about this entity (its id)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;
}
