import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { OutboxService } from '@magix/admissions';
import { ThrottlePolicy, ThrottleService } from '@magix/auth';
import { badInput, Clock, DomainEvents } from '@magix/common';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { daily, JobsService, PeriodicJobs } from '@magix/jobs';
import { languageOf } from '@magix/i18n';
import { Edition, Programme, programmeTitleIn } from '@magix/programme';
import { JoinInterestListInput, LIST_TOKEN } from './dto/interest-list.inputs';
import { InterestListMember, MembershipStatus } from './interest-list.entities';
import { confirmationMail, Mail, openingMail } from './interest-list-mails';

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

/** One answer whether or not the address was on the list (or confirmed), so the list cannot be probed. */
export const JOINED =
  'Thank you. Unless this address is already confirmed on the interest list, a mail with a confirmation link is on its way: nothing else is sent to it until that link is followed.';
export const LEFT = 'If this link was still valid, the address is off the interest list and nothing about it is kept.';
export const CONFIRMED = 'If this link was still valid, the address is confirmed: it gets one mail when the next edition opens.';

/** Queue of "this member joined (again)": the job decides whether a confirmation mail is due. */
export const CONFIRMATION_JOB = 'interest-list.confirmation';
export const PURGE_JOB = 'interest-list.purge-unconfirmed';
/** At most one confirmation mail per address in this time, however often someone joins with it. */
export const CONFIRMATION_RESEND_SECONDS = 60 * 60;
/** A membership never confirmed is deleted this long after its last confirmation mail. */
export const UNCONFIRMED_DAYS = 30;

interface ConfirmationData {
  memberId: string;
}

/**
 * The interest list (issue 12): anyone asks to join with a name and an email, without an
 * account, and is PENDING until the address's owner follows the confirmation link (double
 * opt-in); each mail carries a leave link with the member's token. Opening an edition (the
 * 'edition.opened' event, inside the opening transaction) puts one mail per CONFIRMED member in
 * the outbox, at most once per member and edition (interest_list_notice).
 *
 * A join does the same work whoever the address belongs to: one upsert of the member row and
 * one job; whether a confirmation mail is due (new, or pending and none sent this hour) is
 * decided by the job, after the answer (docs/editions.md).
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
    private readonly jobs: JobsService,
    private readonly periodic: PeriodicJobs,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.events.on('edition.opened', (manager, { editionId }) => this.tellOpening(manager, editionId));
    await this.jobs.work<ConfirmationData>(CONFIRMATION_JOB, ({ memberId }) => this.sendConfirmation(memberId), {
      pollingIntervalSeconds: 1,
    });
    await this.periodic.every(PURGE_JOB, daily(3, 30), (now) => this.purgeUnconfirmed(now));
  }

  /**
   * Joining again changes nothing of the member (no one can rename another's membership) and
   * answers the same; a pending member gets at most one confirmation mail an hour.
   */
  async join(input: JoinInterestListInput, clientAddress: string): Promise<string> {
    await this.throttle.hit(
      [{ policy: INTEREST_LIST_POLICY, subject: clientAddress }],
      'Too many requests from this address: try again later',
    );
    const name = input.name.trim();
    if (!name) throw badInput('input.name', 'A name is needed');
    const email = input.email.trim();
    await this.dataSource.transaction(async (manager) => {
      // The same two writes on both paths: a new row, or a no-op update of the existing one; then the job.
      const [{ id }] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO interest_list_member (name, email, preferred_language, profile, leave_token, confirm_token, joined_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT ((lower(email))) DO UPDATE SET email = interest_list_member.email RETURNING id`,
        [name, email, input.preferredLanguage ?? null, input.profile ?? null, aToken(), aToken(), this.clock.now()],
      );
      await this.jobs.send<ConfirmationData>(CONFIRMATION_JOB, { memberId: id }, { manager, retryLimit: 3 });
    });
    return JOINED;
  }

  /**
   * The confirmation mail, if one is due: the member is pending and none was sent in the last
   * hour. The row update decides (a concurrent run waits for its lock and then finds the mail
   * sent), so two joins never mail twice. Safe to run again.
   */
  async sendConfirmation(memberId: string): Promise<void> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - CONFIRMATION_RESEND_SECONDS * 1000);
    await this.dataSource.transaction(async (manager) => {
      // TypeORM answers an UPDATE or DELETE as [rows, count].
      const [[due]] = await manager.query<[Due[], number]>(
        `UPDATE interest_list_member SET confirmation_sent_at = $2, confirm_token = coalesce(confirm_token, $4)
         WHERE id = $1 AND status = 'PENDING' AND (confirmation_sent_at IS NULL OR confirmation_sent_at <= $3)
         RETURNING name, email, preferred_language, leave_token, confirm_token`,
        [memberId, now, since, aToken()],
      );
      if (!due) return;
      const reader = { name: due.name, preferredLanguage: due.preferred_language, leaveToken: due.leave_token };
      await this.send(manager, due.email, due.leave_token, confirmationMail(reader, due.confirm_token, this.publicUrl));
    });
  }

  /** The token of a confirmation link: the member becomes CONFIRMED. A wrong or used token changes nothing and answers the same. */
  async confirm(token: string, clientAddress: string): Promise<string> {
    await this.throttle.hit(
      [{ policy: INTEREST_LIST_POLICY, subject: clientAddress }],
      'Too many requests from this address: try again later',
    );
    if (!LIST_TOKEN.test(token)) throw badInput('token', 'This is not a confirmation link’s token');
    await this.dataSource.query(
      `UPDATE interest_list_member SET status = 'CONFIRMED', confirmed_at = $2, confirm_token = NULL WHERE confirm_token = $1 AND status = 'PENDING'`,
      [token, this.clock.now()],
    );
    return CONFIRMED;
  }

  /**
   * The token of a leave link: the member and every interest-list mail to them in the outbox,
   * sent or not, are deleted. A wrong token changes nothing.
   */
  async leave(token: string, clientAddress: string): Promise<string> {
    await this.throttle.hit(
      [{ policy: INTEREST_LIST_POLICY, subject: clientAddress }],
      'Too many requests from this address: try again later',
    );
    if (!LIST_TOKEN.test(token)) throw badInput('token', 'This is not a leave link’s token');
    await this.dataSource.transaction(async (manager) => {
      // TypeORM answers an UPDATE or DELETE as [rows, count].
      const [gone] = await manager.query<[Gone[], number]>(
        'DELETE FROM interest_list_member WHERE leave_token = $1 RETURNING email, leave_token',
        [token],
      );
      await this.forgetMails(manager, gone);
    });
    return LEFT;
  }

  /** Memberships never confirmed, 30 days after their last confirmation mail: deleted with their mails. */
  async purgeUnconfirmed(now: Date): Promise<number> {
    const before = new Date(now.getTime() - UNCONFIRMED_DAYS * 24 * 60 * 60 * 1000);
    return this.dataSource.transaction(async (manager) => {
      const [gone] = await manager.query<[Gone[], number]>(
        `DELETE FROM interest_list_member WHERE status = 'PENDING' AND coalesce(confirmation_sent_at, joined_at) < $1 RETURNING email, leave_token`,
        [before],
      );
      await this.forgetMails(manager, gone);
      return gone.length;
    });
  }

  /**
   * Every interest-list mail carries the member's leave token (`send` checks it), 32 random
   * bytes: the recipient and that token pick exactly their interest-list mails, never another
   * mail to the same address (an admission letter to a learner with that email).
   */
  private async forgetMails(manager: EntityManager, gone: Gone[]): Promise<void> {
    if (gone.length === 0) return;
    await manager.query(
      `DELETE FROM outbox_message o USING unnest($1::text[], $2::text[]) AS m(email, token)
       WHERE lower(o.recipient) = lower(m.email) AND strpos(o.body, 'token=' || m.token) > 0`,
      [gone.map((g) => g.email), gone.map((g) => g.leave_token)],
    );
  }

  /** One mail per confirmed member not yet told of this edition; the notice rows make a second run a no-op. */
  private async tellOpening(manager: EntityManager, editionId: string): Promise<void> {
    const told = await manager.query<Array<{ member_id: string }>>(
      `INSERT INTO interest_list_notice (member_id, edition_id) SELECT id, $1 FROM interest_list_member WHERE status = 'CONFIRMED'
       ON CONFLICT DO NOTHING RETURNING member_id`,
      [editionId],
    );
    if (told.length === 0) return;
    const edition = await manager.findOneByOrFail(Edition, { id: editionId });
    const programme = await manager.findOneByOrFail(Programme, { id: edition.programmeId });
    const members = await manager.find(InterestListMember, {
      where: { id: In(told.map((row) => row.member_id)), status: MembershipStatus.CONFIRMED },
      order: { joinedAt: 'ASC' },
    });
    for (const member of members) {
      // The programme's name in the member's language too, when the office has given it.
      const title = programmeTitleIn(programme, languageOf(member.preferredLanguage));
      await this.send(manager, member.email, member.leaveToken, openingMail(edition, title, member, this.publicUrl));
    }
  }

  private send(manager: EntityManager, recipient: string, leaveToken: string, mail: Mail): Promise<void> {
    // What lets leaving find the member's mails (forgetMails): a mail without the token would outlive them.
    if (!mail.body.includes(`token=${leaveToken}`)) throw new Error('An interest-list mail must carry the leave link');
    return this.outbox.enqueue(manager, recipient, mail.subject, mail.body);
  }

  private get publicUrl(): string {
    return this.config.publicUrl;
  }
}

interface Due {
  name: string;
  email: string;
  preferred_language: string | null;
  leave_token: string;
  confirm_token: string;
}

interface Gone {
  email: string;
  leave_token: string;
}

const aToken = () => randomBytes(32).toString('base64url');
