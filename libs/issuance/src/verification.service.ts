import { Injectable } from '@nestjs/common';
import {
  PresentationOptions,
  PresentationReport,
  VerificationContext,
  verifyCredential,
  verifyPresentation,
  VerificationReport,
} from '@magix/credentials';
import { IssuerIdentityService } from '@magix/organisations';
import { StatusListService } from './status-list.service';

/** Verification with the consortium's trust registry and our own status lists, offline. */
@Injectable()
export class VerificationService {
  private readonly context: VerificationContext;

  constructor(issuers: IssuerIdentityService, statusLists: StatusListService) {
    this.context = { issuers, statusLists };
  }

  credential(input: unknown): Promise<VerificationReport> {
    return verifyCredential(input, this.context);
  }

  presentation(input: unknown, options: Partial<PresentationOptions>): Promise<PresentationReport> {
    return verifyPresentation(input, options, this.context);
  }
}
