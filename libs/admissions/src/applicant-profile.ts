import { EntityManager } from 'typeorm';
import { Organisation, OrganisationKind } from '@magix/organisations';
import { ApplicantProfile } from './admission.entities';
import { invalidProfile } from './admissions.errors';

/** The profile as the application stores it; all null when the applicant did not say. */
export interface RecordedProfile {
  profile: ApplicantProfile | null;
  discipline: string | null;
  publicEmployerId: string | null;
  publicEmployerName: string | null;
}

export interface ProfileInput {
  profile?: ApplicantProfile;
  discipline?: string;
  publicEmployerId?: string;
  publicEmployerName?: string;
}

const text = (value: string | undefined) => (value === undefined ? null : value.trim());

/**
 * The call's two student profiles: a STUDENT names their discipline; PUBLIC_STAFF name their
 * public employer, either an organisation on the platform (of kind PUBLIC_ADMINISTRATION) or by
 * name. Anything else is INVALID_PROFILE on the field at fault; nothing is written.
 */
export async function recordedProfile(manager: EntityManager, input: ProfileInput): Promise<RecordedProfile> {
  const discipline = text(input.discipline);
  const employerName = text(input.publicEmployerName);
  const employerId = input.publicEmployerId ?? null;
  if (!input.profile) {
    if (discipline !== null || employerName !== null || employerId !== null)
      throw invalidProfile('input.profile', 'Say which profile you are (STUDENT or PUBLIC_STAFF) with a discipline or an employer');
    return { profile: null, discipline: null, publicEmployerId: null, publicEmployerName: null };
  }
  if (input.profile === ApplicantProfile.STUDENT) {
    if (employerId !== null || employerName !== null)
      throw invalidProfile('input.publicEmployerId', 'A STUDENT names a discipline, not a public employer');
    if (!discipline || discipline.length < 2) throw invalidProfile('input.discipline', 'A STUDENT names the discipline they study');
    return { profile: ApplicantProfile.STUDENT, discipline, publicEmployerId: null, publicEmployerName: null };
  }
  if (discipline !== null) throw invalidProfile('input.discipline', 'PUBLIC_STAFF name their public employer, not a discipline');
  if ((employerId === null) === (employerName === null || employerName === ''))
    throw invalidProfile(
      'input.publicEmployerId',
      'PUBLIC_STAFF name their public employer: its organisation id or its name, one of the two',
    );
  if (employerId !== null) {
    const employer = await manager.findOneBy(Organisation, { id: employerId });
    if (!employer) throw invalidProfile('input.publicEmployerId', 'No such organisation');
    if (employer.kind !== OrganisationKind.PUBLIC_ADMINISTRATION)
      throw invalidProfile('input.publicEmployerId', `${employer.name} is not a public administration`);
    return { profile: ApplicantProfile.PUBLIC_STAFF, discipline: null, publicEmployerId: employerId, publicEmployerName: null };
  }
  if (employerName!.length < 2) throw invalidProfile('input.publicEmployerName', 'The public employer’s name is too short');
  return { profile: ApplicantProfile.PUBLIC_STAFF, discipline: null, publicEmployerId: null, publicEmployerName: employerName };
}
