import { Field, ID, InputType, PartialType, PickType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { VERSIONED_FIELDS } from '../catalogue.entities';
import { CreateModuleInput } from './catalogue.inputs';

/** The fields of a new version, validated exactly as at creation; those left out stay as they are. */
@InputType()
export class ModuleChangesInput extends PartialType(PickType(CreateModuleInput, VERSIONED_FIELDS, InputType), InputType) {}

@InputType()
export class UpdateModuleInput {
  @Field(() => ID)
  @IsUUID()
  moduleId!: string;

  @Field({ description: 'Why it changes; kept with the version and in the audit log' })
  @IsString()
  @Length(3, 500)
  reason!: string;

  @Field(() => ModuleChangesInput, { description: 'Identical to the current version: no new version' })
  @ValidateNested()
  @Type(() => ModuleChangesInput)
  changes!: ModuleChangesInput;
}

@InputType()
export class RetireModuleInput {
  @Field(() => ID)
  @IsUUID()
  moduleId!: string;

  @Field({ description: 'Why it is retired; kept with the module and in the audit log' })
  @IsString()
  @Length(3, 500)
  reason!: string;
}
