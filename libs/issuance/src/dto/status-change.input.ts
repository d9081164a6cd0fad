import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';

@InputType()
export class CredentialStatusInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({ description: 'Why; kept in the audit log and shown to the learner' })
  @IsString()
  @Length(3, 500)
  reason!: string;
}
