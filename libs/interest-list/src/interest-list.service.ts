import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { OutboxService } from '@magix/admissions';
import { ThrottlePolicy, ThrottleService } from '@magix/auth';
import { badInput, DomainEvents } from '@magix/common';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { Edition, Programme } from '@magix/programme';
import { JoinInterestListInput, LEAVE_TOKEN } from './dto/interest-list.inputs';
import { InterestListMember } from './interest-list.entities';
import { Mail, openingMail, welcomeMail } from './interest-list-mails';

/**
 * Joins and leaves from one client address: each join may send a mail to the address given, so
 * a generous limit (a campus behind one NAT) that still stops a script mailing strangers.
 */
export const INTEREST_LIST_POLICY: ThrottlePolicy = {
  name: 'interest-list:address',
  limit: 30,
  windowSeconds: 60 * 60,
  lockSeconds: 15 * 60,
  maxLockSeconds: 60 * 60,
};

/** One answer whether or not the address was on the list, so the list cannot be probed. */
export const JOINED = 'Thank you. If this address was not on the interest list, it is now, and a confirmation mail is on its way.';
export const LEFT = 'If this link was still valid, the address is off the interest list and nothing about it is kept.';

/**
 * The interest list (issue 12): anyone joins with a name and an email, without an account; each
 * mail carries a leave link with the member's token. Opening an edition (the 'edition.opened'
 * event, inside the opening transaction) puts one mail per member in the outbox, at most once
 * per member and edition (interest_list_notice).
 *
 * It lives in its own lib because the mails go through admissions' outbox, and admissions
 * already depends on the programme lib that raises the event: here the graph stays acyclic.
 */
@Injectable()
export class InterestListService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly throttle: ThrottleService,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.on('edition.opened', (manager, { editionId }) => this.tellOpening(manager, editionId));
  }

  /** Joining twice changes nothing (no second row, no second mail) and answers the same. */
  async join(input: JoinInterestListInput, clientAddress: string): Promise<string> {
    await this.throttle.hit(
      [{ policy: INTEREST_LIST_POLICY, subject: clientAddress }],
      'Too many requests from this address: try again later',
    );
    const name = input.name.trim();
    if (!name) throw badInput('input.name', 'A name is needed');
    const email = input.email.trim();
    await this.dataSource.transaction(async (manager) => {
      const leaveToken = randomBytes(32).toString('base64url');
      const inserted = await manager.query<Array<{ id: string }>>(
        `INSERT INTO interest_list_member (name, email, preferred_language, profile, leave_token) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
        [name, email, input.preferredLanguage ?? null, input.profile ?? null, leaveToken],
      );
      if (inserted.length > 0) {
        await this.send(
          manager,
          email,
          welcomeMail({ name, preferredLanguage: input.preferredLanguage ?? null, leaveToken }, this.publicUrl),
        );
      }
    });
    return JOINED;
  }

  /** The token of a leave link: the member and what was kept of them are deleted. A wrong token changes nothing. */
  async leave(token: string, clientAddress: string): Promise<string> {
    await this.throttle.hit(
      [{ policy: INTEREST_LIST_POLICY, subject: clientAddress }],
      'Too many requests from this address: try again later',
    );
    if (!LEAVE_TOKEN.test(token)) throw badInput('token', 'This is not a leave link’s token');
    await this.dataSource.getRepository(InterestListMember).delete({ leaveToken: token });
    return LEFT;
  }

  /** One mail per member not yet told of this edition; the notice rows make a second run a no-op. */
  private async tellOpening(manager: EntityManager, editionId: string): Promise<void> {
    const told = await manager.query<Array<{ member_id: string }>>(
      `INSERT INTO interest_list_notice (member_id, edition_id) SELECT id, $1 FROM interest_list_member
       ON CONFLICT DO NOTHING RETURNING member_id`,
      [editionId],
    );
    if (told.length === 0) return;
    const edition = await manager.findOneByOrFail(Edition, { id: editionId });
    const programme = await manager.findOneByOrFail(Programme, { id: edition.programmeId });
    const members = await manager.find(InterestListMember, {
      where: { id: In(told.map((row) => row.member_id)) },
      order: { joinedAt: 'ASC' },
    });
    for (const member of members) await this.send(manager, member.email, openingMail(edition, programme.title, member, this.publicUrl));
  }

  private send(manager: EntityManager, recipient: string, mail: Mail): Promise<void> {
    return this.outbox.enqueue(manager, recipient, mail.subject, mail.body);
  }

  private get publicUrl(): string {
    return this.config.publicUrl;
  }
}
