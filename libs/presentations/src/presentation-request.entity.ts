import { Field, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'What a verifier asks a learner to present against: a one-time challenge for its domain' })
@Entity('presentation_request')
export class PresentationRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column()
  challenge!: string;

  @Field()
  @Column()
  domain!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When a presentation first verified against it: it answers once' })
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
