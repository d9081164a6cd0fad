import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@magix/common';
import { check, CheckCode, CheckName, CheckOutcome, PresentationReport } from '@magix/credentials';
import { PresentationRequest } from './presentation-request.entity';

export const CHALLENGE_USED = 'This challenge was already answered: a presentation request verifies once; ask the verifier for a new one';

/**
 * A challenge the platform issued (`requestPresentation`) is good for one verified presentation,
 * for its domain, until it expires; the first presentation that verifies uses it up, atomically, so
 * a replayed or concurrent copy fails. A challenge we did not issue is the verifier's own business
 * (VC-API): it is checked against the proof and nothing more.
 */
@Injectable()
export class PresentationChallenges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Whether the platform issued this challenge (then the presentation answers a learner's request). */
  async issuedByUs(challenge: string | undefined): Promise<boolean> {
    return challenge !== undefined && (await this.dataSource.getRepository(PresentationRequest).existsBy({ challenge }));
  }

  async verifyOnce(
    challenge: string | undefined,
    domain: string | null | undefined,
    verify: (domain: string | undefined) => Promise<PresentationReport>,
  ): Promise<PresentationReport> {
    const request = challenge ? await this.dataSource.getRepository(PresentationRequest).findOneBy({ challenge }) : null;
    // GraphQL passes an omitted optional argument as null.
    const asked = domain ?? undefined;
    if (!request) return verify(asked);
    // The proof must be for the domain the request was made for, whether or not the caller repeats it.
    const report = await verify(asked ?? request.domain);
    if (asked !== undefined && asked !== request.domain)
      return refused(report, 'presentation.wrongDomain', 'The domain is not the one the presentation request was made for');
    const now = this.clock.now();
    if (request.expiresAt.getTime() < now.getTime())
      return refused(report, 'presentation.requestExpired', 'The presentation request has expired');
    if (request.usedAt) return refused(report, 'presentation.challengeUsed', CHALLENGE_USED);
    if (!report.verified) return report;
    // One statement: of concurrent verifications of the same challenge, exactly one sets used_at.
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      'WITH used AS (UPDATE presentation_request SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id) SELECT id FROM used',
      [request.id, now],
    );
    return rows.length === 1 ? report : refused(report, 'presentation.challengeUsed', CHALLENGE_USED);
  }
}

/** The report with its PROOF check failed for why the challenge does not hold. */
function refused(report: PresentationReport, code: CheckCode, message: string): PresentationReport {
  return {
    ...report,
    verified: false,
    checks: report.checks.map((c) => (c.name === CheckName.PROOF ? check(CheckName.PROOF, CheckOutcome.FAILED, code, message) : c)),
  };
}
