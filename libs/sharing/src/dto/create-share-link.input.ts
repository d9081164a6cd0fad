import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsUUID } from 'class-validator';

@InputType()
export class CreateShareLinkInput {
  @Field(() => ID, { description: 'One of your credentials' })
  @IsUUID()
  credentialId!: string;

  @Field(() => Date, { nullable: true, description: 'When the link stops working; none: until you revoke it' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;
}
