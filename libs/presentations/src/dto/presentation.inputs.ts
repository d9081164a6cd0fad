import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsString, IsUUID, Length, Matches } from 'class-validator';

const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d+)?$/;

@InputType()
export class PresentationRequestInput {
  @Field({ description: 'The verifier’s domain, e.g. hr.example.gov' })
  @Matches(DOMAIN, { message: 'domain must be a host name such as hr.example.gov' })
  domain!: string;
}

@InputType()
export class PresentCredentialsInput {
  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  credentialIds!: string[];

  @Field()
  @IsString()
  @Length(8, 200)
  challenge!: string;

  @Field()
  @Matches(DOMAIN, { message: 'domain must be a host name such as hr.example.gov' })
  domain!: string;
}

@InputType()
export class RegisterWalletInput {
  @Field({ description: 'Your wallet’s DID; credentials issued from now on name it as their subject' })
  @Matches(/^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/, { message: 'did must be a DID, e.g. did:key:z6Mk…' })
  did!: string;
}
